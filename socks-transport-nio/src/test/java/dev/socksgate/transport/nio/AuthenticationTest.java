package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.port.Authenticator;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 1929 with a required password: the authenticator runs on its own thread and its verdict comes
 * back to the connection's loop; pipelined bytes wait for the verdict.
 */
class AuthenticationTest {

  private static final ExecutorService SLOW = Executors.newSingleThreadExecutor();
  private static final Map<String, InetAddress> SEEN = new ConcurrentHashMap<>();
  private static Harness harness;
  private static EchoOrigin echo;

  @BeforeAll
  static void start() throws IOException {
    Authenticator auth =
        (client, user, password) -> {
          SEEN.put(new String(user, StandardCharsets.US_ASCII), client);
          return CompletableFuture.supplyAsync(
              () -> Arrays.equals(user, bytes("alice")) && Arrays.equals(password, bytes("s3cret")),
              SLOW);
        };
    harness =
        Harness.options()
            .config(b -> b.handshake(new HandshakeOptions(true, false)).authenticator(auth))
            .start();
    echo = EchoOrigin.start(FakeNames.v4());
  }

  @AfterAll
  static void stop() throws IOException {
    harness.close();
    echo.close();
    SLOW.shutdownNow();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void rightPassword_pipelinedWithRequestAndPayload_relays() throws IOException {
    for (int chunk : new int[] {0, 1}) {
      try (SocksClient c = SocksClient.connect(harness.v4()).chunk(chunk)) {
        byte[] payload = SocksClient.random(500, chunk);
        c.send(
            Wire.greetingWithPassword(),
            Wire.password("alice", "s3cret"),
            Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), echo.address().getPort()),
            payload);
        c.expect(new byte[] {5, 2, 1, 0});
        c.expect(Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
        c.expect(payload);
      }
    }
  }

  @Test
  void wrongPassword_refusedThenClosed() throws IOException {
    try (SocksClient c = SocksClient.connect(harness.v6())) {
      c.send(
          Wire.greetingWithPassword(),
          Wire.password("alice", "guess"),
          Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), echo.address().getPort()));
      c.expect(new byte[] {5, 2, 1, 1});
      c.expectClosedWithNothing();
    }
  }

  @Test
  void noPasswordOffered_noAcceptableMethod() throws IOException {
    try (SocksClient c = SocksClient.connect(harness.v4())) {
      c.send(Socks5Greeting.of(Socks5AuthMethod.NO_AUTH).toBytes());
      c.expect(new byte[] {5, (byte) 0xFF});
      c.expectClosedWithNothing();
    }
  }

  @Test
  void authenticator_isToldTheClientAddress() throws IOException {
    InetAddress source = InetAddress.getByName("127.0.0.2");
    try (SocksClient c = SocksClient.connectFrom(source, harness.v4())) {
      c.send(Wire.greetingWithPassword(), Wire.password("carol", "guess"));
      c.expect(new byte[] {5, 2, 1, 1});
      c.expectClosedWithNothing();
    }
    assertEquals(source, SEEN.get("carol"));
  }
}
