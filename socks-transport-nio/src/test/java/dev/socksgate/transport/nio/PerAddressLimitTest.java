package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.core.policy.AddressKey;
import dev.socksgate.core.policy.ClientLimits;
import dev.socksgate.core.testing.Requests;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --max-connections-per-address} at accept, over loopback with client sockets bound to
 * 127.0.0.2 and 127.0.0.3: one client over its limit is closed before a byte is read or written,
 * another is still served, and a slot freed on close serves again.
 */
class PerAddressLimitTest {

  private static final InetAddress A = Requests.ip("127.0.0.2");
  private static final InetAddress B = Requests.ip("127.0.0.3");

  @Test
  void thirdFromOneAddress_closedAtOnce_otherAddressServed_freedSlotServesAgain()
      throws IOException {
    ClientLimits limits = ClientLimits.of(2, 0);
    try (Harness h = Harness.options().config(b -> b.clientLimits(limits)).start()) {
      SocksClient first = SocksClient.connectFrom(A, h.v4());
      try (SocksClient second = SocksClient.connectFrom(A, h.v4())) {
        for (SocksClient c : new SocksClient[] {first, second}) {
          c.send(Wire.greeting());
          c.expect(new byte[] {5, 0});
        }
        try (SocksClient third = SocksClient.connectFrom(A, h.v4())) {
          third.expectClosedWithNothing();
        }
        h.events.await("a refusal", l -> l.refusedByAddressLimit().size() == 1);
        assertEquals(List.of(A), h.events.refusedByAddressLimit());
        assertEquals(0, h.events.rejected()); // not the global cap
        try (SocksClient other = SocksClient.connectFrom(B, h.v4())) {
          other.send(Wire.greeting());
          other.expect(new byte[] {5, 0});
        }
        assertEquals(2, limits.perAddress().count(AddressKey.of(A)));
        first.close(); // frees one of A's slots
        h.events.awaitOpen(1);
        assertEquals(1, limits.perAddress().count(AddressKey.of(A)));
        try (SocksClient again = SocksClient.connectFrom(A, h.v4())) {
          again.send(Wire.greeting());
          again.expect(new byte[] {5, 0});
        }
      } finally {
        first.close();
      }
      h.events.awaitOpen(0);
      assertEquals(0, limits.perAddress().keys()); // idle entries forgotten
      assertEquals(List.of(A), h.events.refusedByAddressLimit());
    }
  }

  @Test
  void limitRaisedAtRunTime_appliesToTheNextConnection() throws IOException {
    ClientLimits limits = ClientLimits.of(1, 0);
    try (Harness h = Harness.options().config(b -> b.clientLimits(limits)).start();
        SocksClient first = SocksClient.connectFrom(A, h.v4())) {
      first.send(Wire.greeting());
      first.expect(new byte[] {5, 0});
      try (SocksClient over = SocksClient.connectFrom(A, h.v4())) {
        over.expectClosedWithNothing();
      }
      limits.perAddress().setLimit(2);
      try (SocksClient now = SocksClient.connectFrom(A, h.v4())) {
        now.send(Wire.greeting());
        now.expect(new byte[] {5, 0});
      }
      assertEquals(List.of(A), h.events.refusedByAddressLimit());
    }
  }
}
