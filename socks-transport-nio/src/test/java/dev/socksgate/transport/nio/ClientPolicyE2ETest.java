package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.core.policy.SocksPolicy;
import dev.socksgate.core.port.ClientPolicy;
import dev.socksgate.core.testing.Requests;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tor's SocksPolicy at accept, over loopback with the client socket bound to other 127.0.0.0/8
 * source addresses: a refused client is closed before a byte is read or written, and never takes a
 * connection slot.
 */
class ClientPolicyE2ETest {

  private static final InetAddress ALLOWED = Requests.ip("127.0.0.2");
  private static final InetAddress REFUSED = Requests.ip("127.0.0.3");

  private static Harness start(ClientPolicy policy, int maxConnections) throws IOException {
    return Harness.options()
        .config(b -> b.clientPolicy(policy).maxConnections(maxConnections))
        .start();
  }

  @Test
  void refusedAddress_closedWithNothing_allowedAndUnmatchedServed() throws IOException {
    SocksPolicy policy = SocksPolicy.parse(List.of("accept 127.0.0.2, reject 127.0.0.0/8"));
    try (Harness h = start(policy, 100)) {
      try (SocksClient refused = SocksClient.connectFrom(REFUSED, h.v4())) {
        refused.expectClosedWithNothing();
      }
      h.events.await("a policy refusal", l -> l.refusedByPolicy().equals(List.of(REFUSED)));
      assertEquals(0, h.server.connectionCount(), "a refused client takes no slot");
      try (SocksClient allowed = SocksClient.connectFrom(ALLOWED, h.v4());
          SocksClient unmatched = SocksClient.connect(h.v6())) { // ::1: no rule, admitted
        for (SocksClient c : List.of(allowed, unmatched)) {
          c.send(Wire.greeting());
          c.expect(new byte[] {5, 0});
        }
      }
      assertEquals(List.of(REFUSED), h.events.refusedByPolicy());
      assertEquals(0, h.events.rejected(), "a policy refusal is not a cap rejection");
    }
  }

  @Test
  void refusedClientThatWritesAtOnce_getsNoReply() throws IOException {
    try (Harness h = start(SocksPolicy.parse(List.of("reject 127.0.0.3")), 100)) {
      try (SocksClient refused = SocksClient.connectFrom(REFUSED, h.v4())) {
        refused.send(Wire.greeting());
        refused.expectClosedWithNothing();
      }
      h.events.await("a policy refusal", l -> l.refusedByPolicy().size() == 1);
    }
  }

  @Test
  void refusedClients_doNotUseUpTheCap() throws IOException {
    try (Harness h = start(SocksPolicy.parse(List.of("reject 127.0.0.3")), 1)) {
      for (int i = 0; i < 5; i++) {
        try (SocksClient refused = SocksClient.connectFrom(REFUSED, h.v4())) {
          refused.expectClosedWithNothing();
        }
      }
      h.events.await("five refusals", l -> l.refusedByPolicy().size() == 5);
      try (SocksClient allowed = SocksClient.connectFrom(ALLOWED, h.v4())) {
        allowed.send(Wire.greeting());
        allowed.expect(new byte[] {5, 0});
      }
    }
  }

  @Test
  void aPolicyThatThrows_refusesTheClient() throws IOException {
    ClientPolicy broken =
        client -> {
          throw new IllegalStateException("broken policy");
        };
    try (Harness h = start(broken, 100)) {
      try (SocksClient c = SocksClient.connectFrom(ALLOWED, h.v4())) {
        c.send(Wire.greeting());
        c.expectClosedWithNothing();
      }
      h.events.await("a policy refusal", l -> l.refusedByPolicy().equals(List.of(ALLOWED)));
    }
  }
}
