package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.policy.ClientLimits;
import dev.socksgate.core.port.Authenticator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code --max-connections-per-user}: counted from a successful RFC 1929 login to close; a login
 * over the limit gets {@code 01 01} (as a wrong password) and is closed.
 */
class PerUserLimitTest {

  private static final Authenticator AUTH =
      (client, user, password) ->
          CompletableFuture.completedFuture(
              (Arrays.equals(user, bytes("alice")) || Arrays.equals(user, bytes("bob")))
                  && Arrays.equals(password, bytes("pw")));

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static SocksClient login(Harness h, String user) throws IOException {
    SocksClient c = SocksClient.connect(h.v4());
    c.send(Wire.greetingWithPassword(), Wire.password(user, "pw"));
    return c;
  }

  @Test
  void thirdLoginOfAlice_refused_bobServed_freedSlotServesAgain() throws IOException {
    ClientLimits limits = ClientLimits.of(0, 2);
    try (Harness h =
        Harness.options()
            .config(
                b ->
                    b.handshake(new HandshakeOptions(true, false))
                        .authenticator(AUTH)
                        .clientLimits(limits))
            .start()) {
      SocksClient first = login(h, "alice");
      try (SocksClient second = login(h, "alice")) {
        first.expect(new byte[] {5, 2, 1, 0});
        second.expect(new byte[] {5, 2, 1, 0});
        try (SocksClient third = login(h, "alice")) {
          third.expect(new byte[] {5, 2, 1, 1}); // the answer to a wrong password
          third.expectClosedWithNothing();
        }
        assertEquals(1, h.events.refusedByUserLimit());
        try (SocksClient bob = login(h, "bob")) {
          bob.expect(new byte[] {5, 2, 1, 0});
        }
        first.close();
        h.events.awaitOpen(1);
        assertEquals(1, limits.perUser().count("alice"));
        try (SocksClient again = login(h, "alice")) {
          again.expect(new byte[] {5, 2, 1, 0});
        }
      } finally {
        first.close();
      }
      h.events.awaitOpen(0);
      assertEquals(0, limits.perUser().keys());
      assertEquals(1, h.events.refusedByUserLimit());
    }
  }

  @Test
  void wrongPassword_isNotCounted() throws IOException {
    ClientLimits limits = ClientLimits.of(0, 1);
    try (Harness h =
        Harness.options()
            .config(
                b ->
                    b.handshake(new HandshakeOptions(true, false))
                        .authenticator(AUTH)
                        .clientLimits(limits))
            .start()) {
      try (SocksClient wrong = SocksClient.connect(h.v4())) {
        wrong.send(Wire.greetingWithPassword(), Wire.password("alice", "guess"));
        wrong.expect(new byte[] {5, 2, 1, 1});
        wrong.expectClosedWithNothing();
      }
      try (SocksClient right = login(h, "alice")) {
        right.expect(new byte[] {5, 2, 1, 0});
        assertEquals(0, h.events.refusedByUserLimit());
      }
    }
  }
}
