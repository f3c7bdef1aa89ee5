package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.port.Authenticator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NioSocksServer#closeConnectionsOf}: the relays (and connections still opening) of a
 * revoked user are closed on every loop; other users' relays carry on.
 */
class RevokedUserTest {

  private static final Authenticator AUTH =
      (client, user, password) ->
          CompletableFuture.completedFuture(
              (Arrays.equals(user, bytes("alice")) || Arrays.equals(user, bytes("bob")))
                  && Arrays.equals(password, bytes("pw")));

  private static EchoOrigin echo;

  @BeforeAll
  static void origin() throws IOException {
    echo = EchoOrigin.start(FakeNames.v4());
  }

  @AfterAll
  static void stopOrigin() throws IOException {
    echo.close();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static Harness server() throws IOException {
    return Harness.options()
        .loops(2)
        .config(b -> b.handshake(new HandshakeOptions(true, false)).authenticator(AUTH))
        .start();
  }

  /** A relay of {@code user} to the echo origin, checked to echo. */
  private static SocksClient relay(Harness h, String user, long seed) throws IOException {
    SocksClient c = SocksClient.connect(h.v4());
    byte[] payload = SocksClient.random(100, seed);
    c.send(
        Wire.greetingWithPassword(),
        Wire.password(user, "pw"),
        Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), echo.address().getPort()),
        payload);
    c.expect(new byte[] {5, 2, 1, 0});
    c.expect(Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
    c.expect(payload);
    return c;
  }

  private static void echoes(SocksClient c, long seed) throws IOException {
    byte[] payload = SocksClient.random(300, seed);
    c.send(payload);
    c.expect(payload);
  }

  @Test
  void alicesRelaysAndLogins_closed_bobsRelayStillEchoes() throws Exception {
    try (Harness h = server();
        SocksClient alice1 = relay(h, "alice", 1);
        SocksClient alice2 = relay(h, "alice", 2); // two loops: one each, round robin
        SocksClient bob = relay(h, "bob", 3);
        SocksClient aliceLoggedIn = SocksClient.connect(h.v4())) {
      aliceLoggedIn.send(Wire.greetingWithPassword(), Wire.password("alice", "pw"));
      aliceLoggedIn.expect(new byte[] {5, 2, 1, 0}); // authenticated, no request yet
      h.events.awaitOpen(4);

      int closed =
          h.server
              .closeConnectionsOf("alice"::equals)
              .toCompletableFuture()
              .get(SocksClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

      assertEquals(3, closed);
      alice1.expectClosedWithNothing();
      alice2.expectClosedWithNothing();
      aliceLoggedIn.expectClosedWithNothing();
      h.events.awaitOpen(1);
      echoes(bob, 4);
      assertEquals(
          0,
          h.server
              .closeConnectionsOf("alice"::equals)
              .toCompletableFuture()
              .get(SocksClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
      echoes(bob, 5);
    }
  }

  @Test
  void noMatchingUser_closesNothing_andAStoppedServerAnswersZero() throws Exception {
    Harness h = server();
    try (SocksClient bob = relay(h, "bob", 6)) {
      assertEquals(
          0,
          h.server
              .closeConnectionsOf("carol"::equals)
              .toCompletableFuture()
              .get(SocksClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
      echoes(bob, 7);
    } finally {
      h.close();
    }
    assertEquals(
        0,
        h.server
            .closeConnectionsOf(u -> true)
            .toCompletableFuture()
            .get(SocksClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
  }
}
