package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.policy.ExitPolicy;
import dev.socksgate.core.testing.Requests;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The direct exit judges every address a name resolves to and tries only the allowed ones: a name
 * that resolves to a refused address and an allowed one connects to the allowed one, and the
 * refused one is never contacted; when every answer is refused the client gets SOCKS5 {@code 02}.
 */
class ExitPolicyAnswersTest {

  private static final InetAddress TRAP = Requests.ip("127.0.0.5");
  private static final InetAddress ORIGIN = Requests.ip("127.0.0.6");

  private static Harness start(ExitPolicy policy) throws IOException {
    Harness h =
        Harness.options()
            .exits(
                (t, r) ->
                    new NioExitConnector(t, r, Duration.ofSeconds(5), Optional.empty(), policy))
            .start();
    h.names.name("two.test", TRAP, ORIGIN);
    return h;
  }

  @Test
  void refusedAnswerIsSkipped_allowedAnswerIsTried() throws Exception {
    ExitPolicy policy = ExitPolicy.parse(List.of("reject 127.0.0.5:*"), true);
    try (EchoOrigin origin = EchoOrigin.start(ORIGIN);
        ServerSocketChannel trap = ServerSocketChannel.open();
        Harness h = start(policy)) {
      int port = origin.address().getPort();
      trap.bind(new InetSocketAddress(TRAP, port)); // the refused answer, same port: would accept
      trap.configureBlocking(false);
      try (SocksClient c = SocksClient.connect(h.v4())) {
        c.send(Wire.greeting(), Wire.socks5(Socks5Command.CONNECT, "two.test", port));
        c.expect(new byte[] {5, 0});
        assertEquals(Socks5ReplyCode.SUCCEEDED, c.readSocks5Reply().rep());
        c.send(new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, c.read(3));
      }
      assertEquals(1, origin.accepted());
      // The exit tries answers in turn, so a connect to the trap would have come first.
      assertNull(trap.accept(), "the refused address was contacted");
    }
  }

  @Test
  void everyAnswerRefused_notAllowed() throws Exception {
    ExitPolicy policy = ExitPolicy.parse(List.of("reject 127.0.0.0/8:*"), true);
    try (EchoOrigin origin = EchoOrigin.start(ORIGIN);
        Harness h = start(policy)) {
      int port = origin.address().getPort();
      try (SocksClient c = SocksClient.connect(h.v4())) {
        c.send(Wire.greeting(), Wire.socks5(Socks5Command.CONNECT, "two.test", port));
        c.expect(new byte[] {5, 0});
        assertEquals(Socks5ReplyCode.NOT_ALLOWED, c.readSocks5Reply().rep());
      }
      assertEquals(0, origin.accepted());
    }
  }
}
