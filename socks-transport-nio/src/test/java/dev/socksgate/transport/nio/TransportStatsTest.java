package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v4.Socks4Command;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.handshake.HandshakeError;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.transport.nio.TransportStats.HandshakeEnd;
import dev.socksgate.transport.nio.TransportStats.Refusal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The server's counters equal the traffic driven through it: connections, refusals, handshakes by
 * protocol and outcome, streams by command and outcome, relayed bytes both ways, the gauges back at
 * zero, the histograms' counts; and one {@link StreamRecord} per finished stream with its bytes.
 */
class TransportStatsTest {

  private static final int PAYLOAD = 3000;

  @Test
  void knownTraffic_countedExactly() throws IOException {
    InetAddress refusedClient = InetAddress.getByName("127.0.0.9");
    try (Harness h =
            Harness.options().config(b -> b.clientPolicy(a -> !a.equals(refusedClient))).start();
        EchoOrigin echo = EchoOrigin.start(FakeNames.v4())) {
      int port = echo.address().getPort();
      int closedPort;
      try (ServerSocket s = new ServerSocket(0, 1, FakeNames.v4())) {
        closedPort = s.getLocalPort();
      }
      for (int i = 0; i < 3; i++) {
        relay(
            h,
            Wire.concat(Wire.greeting(), Wire.socks5(Socks5Command.CONNECT, "origin.test", port)),
            true,
            i);
      }
      relay(h, Wire.socks4(Socks4Command.CONNECT, FakeNames.v4(), port), false, 3);
      try (SocksClient c = SocksClient.connect(h.v4())) {
        c.send(Wire.greeting(), Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), closedPort));
        c.expect(new byte[] {5, 0});
        c.expect(Wire.generic(Socks5ReplyCode.CONNECTION_REFUSED, false));
      }
      try (SocksClient c = SocksClient.connect(h.v4())) {
        c.send(Wire.greeting(), Wire.socks5(Socks5Command.RESOLVE, "origin.test", 0));
        c.expect(new byte[] {5, 0});
        c.expect(
            Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, SocksAddress.of(FakeNames.v4()), 0)
                .toBytes());
      }
      try (SocksClient c = SocksClient.connect(h.v4())) {
        c.send(new byte[] {7, 7, 7});
        c.expectClosedWithNothing();
      }
      try (SocksClient c = SocksClient.connectFrom(refusedClient, h.v4())) {
        c.expectClosedWithNothing();
      }
      h.events.await(
          "6 finished streams, nothing open",
          l -> l.records().size() == 6 && l.open() == 0 && l.refusedByPolicy().size() == 1);

      TransportStats stats = h.server.stats();
      assertEquals(2, stats.listeners().size());
      TransportStats.Listener v4 = stats.listeners().get(0);
      assertEquals(h.v4(), v4.address());
      assertEquals(7, v4.accepted(), "every connection but the refused one");
      assertEquals(1L, v4.refused().get(Refusal.POLICY));
      assertEquals(0L, v4.refused().get(Refusal.CAP));
      assertEquals(Refusal.values().length, v4.refused().size(), "every reason listed");
      assertEquals(5, handshakes(v4, Optional.of(SocksProtocol.SOCKS5), HandshakeEnd.OK));
      assertEquals(1, handshakes(v4, Optional.of(SocksProtocol.SOCKS4), HandshakeEnd.OK));
      assertEquals(0, handshakes(v4, Optional.of(SocksProtocol.SOCKS4A), HandshakeEnd.OK));
      assertEquals(
          List.of(HandshakeError.Kind.UNKNOWN_PROTOCOL),
          v4.handshakes().stream()
              .filter(x -> x.end() == HandshakeEnd.FAILED)
              .map(x -> x.failure().orElseThrow())
              .toList());
      assertEquals(4, streams(v4, StreamCommand.CONNECT, Optional.empty()));
      assertEquals(
          1, streams(v4, StreamCommand.CONNECT, Optional.of(StreamFailure.CONNECTION_REFUSED)));
      assertEquals(1, streams(v4, StreamCommand.RESOLVE, Optional.empty()));
      assertEquals(0, streams(v4, StreamCommand.RESOLVE_PTR, Optional.empty()));
      assertEquals(4L * PAYLOAD, v4.bytesUp());
      assertEquals(4L * PAYLOAD, v4.bytesDown());
      assertEquals(0, v4.activeConnections());
      assertEquals(0, v4.activeRelays());
      assertEquals(6, v4.handshakeDuration().count());
      assertEquals(5, v4.connectDuration().count());
      assertEquals(1, v4.resolveDuration().count());
      assertEquals(4, v4.streamDuration().count());

      TransportStats.Listener v6 = stats.listeners().get(1);
      assertEquals(0, v6.accepted());
      assertEquals(0, v6.bytesUp());
      assertEquals(0, v6.handshakeDuration().count());

      assertEquals(2, stats.loops().size());
      for (TransportStats.Loop loop : stats.loops()) {
        assertTrue(loop.wakeups() > 0, "every loop ran: " + loop);
        assertEquals(0, loop.buffersInUse(), "every buffer back: " + loop);
      }

      List<StreamRecord> records = h.events.records();
      assertEquals(
          4,
          records.stream()
              .filter(r -> r.failure().isEmpty() && r.request().command() == StreamCommand.CONNECT)
              .filter(r -> r.bytesUp() == PAYLOAD && r.bytesDown() == PAYLOAD)
              .count(),
          "each relay's own bytes: " + records);
      for (StreamRecord r : records) {
        assertEquals(h.v4(), r.listener());
        assertTrue(r.totalNanos() >= r.handshakeNanos() + r.connectNanos(), r.toString());
      }
    }
  }

  private static void relay(Harness h, byte[] request, boolean socks5, long seed)
      throws IOException {
    byte[] payload = SocksClient.random(PAYLOAD, seed);
    try (SocksClient c = SocksClient.connect(h.v4())) {
      c.send(request, payload);
      if (socks5) {
        c.expect(new byte[] {5, 0});
        c.expect(Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
      } else {
        c.expect(Wire.socks4Granted());
      }
      c.expect(payload);
      c.shutdownOutput();
      assertEquals("", SocksClient.hex(c.readToEof()));
    }
  }

  private static long handshakes(
      TransportStats.Listener l, Optional<SocksProtocol> protocol, HandshakeEnd end) {
    return l.handshakes().stream()
        .filter(x -> x.protocol().equals(protocol) && x.end() == end)
        .mapToLong(TransportStats.Handshakes::count)
        .sum();
  }

  private static long streams(
      TransportStats.Listener l, StreamCommand command, Optional<StreamFailure> failure) {
    return l.streams().stream()
        .filter(x -> x.command() == command && x.failure().equals(failure))
        .mapToLong(TransportStats.Streams::count)
        .sum();
  }
}
