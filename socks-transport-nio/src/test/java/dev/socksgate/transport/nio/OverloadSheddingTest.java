package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.testing.Requests;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Overload shedding at the connection cap, over loopback with clients bound to 127.0.0.2 …: a
 * newcomer takes the slot of the oldest handshake that has waited longer than the 1 s grace, which
 * is closed with nothing written; without such a handshake the newcomer is refused as before.
 * Relays and pending requests are never shed. Handshakes are aged by the harness's fake clock,
 * never by sleeping.
 */
class OverloadSheddingTest {

  private static final Duration GRACE = Duration.ofSeconds(1);
  private static final byte[] PART_OF_A_GREETING = {5};
  private static final int NEVER_PORT = 9; // the exit below never answers a CONNECT to it

  private static InetAddress ip(int last) {
    return Requests.ip("127.0.0." + last);
  }

  /** Connects from 127.0.0.{@code last}, sends one byte of a greeting, and waits until counted. */
  private static SocksClient stall(Harness h, int last) throws IOException {
    int before = h.events.open();
    SocksClient c = SocksClient.connectFrom(ip(last), h.v4());
    c.send(PART_OF_A_GREETING);
    h.events.awaitOpen(before + 1);
    return c;
  }

  private static InetSocketAddress address(SocksClient c) {
    return (InetSocketAddress) c.socket.getLocalSocketAddress();
  }

  /** A stalled client sends the rest of its greeting and gets the method selection. */
  private static void expectFinished(SocksClient c) throws IOException {
    byte[] greeting = Wire.greeting();
    c.send(SocksClient.slice(greeting, PART_OF_A_GREETING.length, greeting.length));
    c.expect(new byte[] {5, 0});
  }

  private static void expectServed(SocksClient c) throws IOException {
    c.send(Wire.greeting());
    c.expect(new byte[] {5, 0});
  }

  @Test
  void atTheCap_oldestStalledHandshakeShed_newcomerAdmitted() throws IOException {
    try (Harness h = Harness.options().config(b -> b.maxConnections(3)).start()) {
      SocksClient oldest = stall(h, 2);
      h.advance(Duration.ofMillis(10));
      try (SocksClient second = stall(h, 3);
          SocksClient third = stall(h, 4)) {
        h.advance(GRACE.multipliedBy(2));
        try (SocksClient newcomer = SocksClient.connectFrom(ip(5), h.v4())) {
          expectServed(newcomer);
          oldest.expectClosedWithNothing();
          h.events.await("one shed", l -> l.shed().size() == 1);
          assertEquals(List.of(address(oldest)), h.events.shed(), "the oldest is the one shed");
          assertEquals(0, h.events.rejected(), "the newcomer was not refused");
          assertEquals(3, h.server.connectionCount(), "the newcomer took the shed slot");
          h.events.awaitOpen(3);
          expectFinished(second); // the younger handshakes carry on
          expectFinished(third);
        }
      } finally {
        oldest.close();
      }
      h.events.awaitOpen(0);
      assertEquals(0, h.server.connectionCount());
    }
  }

  @Test
  void onlyHandshakesYoungerThanTheGrace_newcomerRefused() throws IOException {
    try (Harness h = Harness.options().config(b -> b.maxConnections(2)).start();
        SocksClient first = stall(h, 2);
        SocksClient second = stall(h, 3)) {
      h.advance(GRACE.minusNanos(1));
      try (SocksClient refused = SocksClient.connectFrom(ip(4), h.v4())) {
        refused.expectClosedWithNothing();
      }
      h.events.await("a rejection", l -> l.rejected() == 1);
      assertEquals(List.of(), h.events.shed());
      assertEquals(2, h.server.connectionCount());
      h.advance(Duration.ofNanos(1)); // now the first has waited exactly the grace
      try (SocksClient newcomer = SocksClient.connectFrom(ip(5), h.v4())) {
        expectServed(newcomer);
        first.expectClosedWithNothing();
        assertEquals(List.of(address(first)), h.events.shed());
        expectFinished(second);
        assertEquals(2, h.server.connectionCount());
      }
    }
  }

  @Test
  void relaysAndPendingConnects_neverShed() throws IOException {
    try (EchoOrigin echo = EchoOrigin.start(FakeNames.v4());
        Harness h =
            Harness.options()
                .config(b -> b.maxConnections(3))
                .exits(
                    (t, r) -> {
                      ExitConnector<NioExit> real =
                          new NioExitConnector(t, r, Duration.ofSeconds(5));
                      return (request, key, early) ->
                          request.target().port() == NEVER_PORT
                              ? new CompletableFuture<>()
                              : real.connect(request, key, early);
                    })
                .start();
        SocksClient relay = SocksClient.connectFrom(ip(2), h.v4());
        SocksClient opening = SocksClient.connectFrom(ip(3), h.v4())) {
      relay.send(
          Wire.greeting(),
          Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), echo.address().getPort()));
      relay.expect(new byte[] {5, 0});
      relay.expect(Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
      opening.send(Wire.greeting(), Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), NEVER_PORT));
      opening.expect(new byte[] {5, 0});
      h.events.await("two requests", l -> l.events().size() == 2);
      SocksClient stalled = stall(h, 4);
      h.advance(GRACE.multipliedBy(10));

      SocksClient first = SocksClient.connectFrom(ip(5), h.v4());
      first.send(PART_OF_A_GREETING); // admitted in place of the stalled one, and stalls too
      stalled.expectClosedWithNothing();
      assertEquals(List.of(address(stalled)), h.events.shed());
      try (SocksClient refused = SocksClient.connectFrom(ip(6), h.v4())) {
        refused.expectClosedWithNothing(); // the only handshake left is younger than the grace
      }
      h.events.await("a rejection", l -> l.rejected() == 1);

      h.advance(GRACE);
      try (SocksClient second = SocksClient.connectFrom(ip(7), h.v4())) {
        expectServed(second);
        first.expectClosedWithNothing();
        assertEquals(List.of(address(stalled), address(first)), h.events.shed());
        assertEquals(3, h.server.connectionCount());
        byte[] payload = SocksClient.random(100, 13);
        relay.send(payload);
        relay.expect(payload); // the relay carries on, and the connect is still pending
        assertEquals(3, h.events.open());
      } finally {
        first.close();
        stalled.close();
      }
    }
  }
}
