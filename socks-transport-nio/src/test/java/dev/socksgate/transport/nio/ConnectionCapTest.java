package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The connection cap: a client beyond it is closed at once, and a freed slot is used again. */
class ConnectionCapTest {

  @Test
  void overTheCap_closedAtOnce_freedSlotServesAgain() throws IOException {
    try (Harness h = Harness.options().config(b -> b.maxConnections(2)).start()) {
      SocksClient first = SocksClient.connect(h.v4());
      try (SocksClient second = SocksClient.connect(h.v6())) {
        for (SocksClient c : new SocksClient[] {first, second}) {
          c.send(Wire.greeting());
          c.expect(new byte[] {5, 0}); // admitted and counted
        }
        try (SocksClient third = SocksClient.connect(h.v4())) {
          third.expectClosedWithNothing();
        }
        h.events.await("a rejection", l -> l.rejected() == 1);
        assertEquals(2, h.server.connectionCount());
        first.close(); // frees a slot
        h.events.awaitOpen(1);
        try (SocksClient fourth = SocksClient.connect(h.v4())) {
          fourth.send(Wire.greeting());
          fourth.expect(new byte[] {5, 0});
        }
      } finally {
        first.close();
      }
      h.events.awaitOpen(0);
      assertEquals(0, h.server.connectionCount());
    }
  }
}
