package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v4.Socks4Command;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.model.StreamFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A target that refuses: REP 05 (ATYP by the client's family) or SOCKS4 5B, then close; the
 * optimistic data sent with the request is dropped, never delivered anywhere.
 */
class ConnectFailureE2ETest {

  private static Harness harness;
  private static int closedPort;

  @BeforeAll
  static void start() throws IOException {
    harness = Harness.start();
    try (ServerSocket s = new ServerSocket(0, 1, FakeNames.v4())) {
      closedPort = s.getLocalPort();
    }
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void refused_socks5_rep05ThenClose_earlyDataDropped() throws IOException {
    for (boolean v6 : new boolean[] {false, true}) {
      try (SocksClient c = SocksClient.connect(v6 ? harness.v6() : harness.v4())) {
        c.send(
            Wire.greeting(),
            Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), closedPort),
            SocksClient.random(2000, 5));
        c.expect(new byte[] {5, 0});
        c.expect(Wire.generic(Socks5ReplyCode.CONNECTION_REFUSED, v6));
        c.expectClosedWithNothing();
      }
    }
    assertTrue(harness.events.events().contains(StreamFailure.CONNECTION_REFUSED));
  }

  @Test
  void refused_socks4_rejected() throws IOException {
    try (SocksClient c = SocksClient.connect(harness.v4())) {
      c.send(Wire.socks4(Socks4Command.CONNECT, FakeNames.v4(), closedPort), new byte[] {1});
      c.expect(Wire.socks4Rejected());
      c.expectClosedWithNothing();
    }
  }

  @Test
  void unknownName_socks5_rep04() throws IOException {
    try (SocksClient c = SocksClient.connect(harness.v6())) {
      c.send(Wire.greeting(), Wire.socks5(Socks5Command.CONNECT, "nowhere.test", 80));
      c.expect(new byte[] {5, 0});
      Socks5Reply reply = c.readSocks5Reply(); // decoded with the codec's client direction
      assertEquals(Socks5ReplyCode.HOST_UNREACHABLE, reply.rep());
      assertEquals(
          Optional.of(SocksAddress.ipv6(new byte[16])),
          reply.bndAddr(),
          "zero BND.ADDR of the IPv6 client's family");
      c.expectClosedWithNothing();
    }
  }
}
