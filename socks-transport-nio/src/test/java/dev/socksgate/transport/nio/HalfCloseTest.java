package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Half-close is passed on in each direction while data keeps flowing the other way: EOF from one
 * side reaches the other as FIN after every buffered byte, and the pair closes only when both
 * directions are done.
 */
class HalfCloseTest {

  private static Harness harness;
  private static BlockingOrigin origin;

  @BeforeAll
  static void start() throws IOException {
    harness = Harness.start();
    origin = new BlockingOrigin(FakeNames.v4());
  }

  @AfterAll
  static void stop() throws IOException {
    harness.close();
    origin.close();
  }

  private static SocksClient connected() throws IOException {
    SocksClient c = SocksClient.connect(harness.v4());
    c.send(Wire.greeting(), Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), origin.port()));
    c.expect(new byte[] {5, 0});
    c.expect(Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
    return c;
  }

  @Test
  void clientHalfCloses_originKeepsSending_clientGetsEverythingThenEof() throws IOException {
    try (SocksClient c = connected();
        Socket o = origin.accept()) {
      byte[] up = SocksClient.random(100_000, 1);
      byte[] down = SocksClient.random(300_000, 2);
      c.send(up);
      c.shutdownOutput();
      assertArrayEquals(up, o.getInputStream().readNBytes(up.length));
      assertEquals(-1, o.getInputStream().read(), "client's FIN reached the origin");
      o.getOutputStream().write(down); // still flowing the other way
      o.shutdownOutput();
      assertArrayEquals(down, c.readToEof());
    }
  }

  @Test
  void originHalfCloses_clientKeepsSending_originGetsEverythingThenEof() throws IOException {
    try (SocksClient c = connected();
        Socket o = origin.accept()) {
      byte[] banner = SocksClient.random(50_000, 3);
      byte[] up = SocksClient.random(300_000, 4);
      o.getOutputStream().write(banner);
      o.shutdownOutput();
      assertArrayEquals(banner, c.readToEof(), "origin's bytes, then its FIN");
      c.send(up); // still flowing the other way
      c.shutdownOutput();
      assertArrayEquals(up, o.getInputStream().readAllBytes());
    }
  }
}
