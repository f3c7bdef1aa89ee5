package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.PasswordAuthReply;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.port.DestinationPolicy;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Per-key source addresses ({@code --exit-bind}): sticky within a key, spread across keys. */
class EgressTest {

  private static final InetAddress A2 = FakeNames.address(new byte[] {127, 0, 0, 2});
  private static final InetAddress A3 = FakeNames.address(new byte[] {127, 0, 0, 3});

  @Test
  void chooser_roundRobinsNewKeys_andRemembersOldOnes() {
    EgressAddresses e = new EgressAddresses(List.of(A2, A3));
    IsolationKey k1 = IsolationKey.builder(1, 0).build();
    IsolationKey k2 = IsolationKey.builder(2, 0).build();
    IsolationKey k3 = IsolationKey.builder(3, 0).build();
    assertEquals(Optional.of(A2), e.choose(k1, false));
    assertEquals(Optional.of(A3), e.choose(k2, false));
    assertEquals(Optional.of(A2), e.choose(k1, false));
    assertEquals(Optional.of(A2), e.choose(k3, false));
    assertEquals(Optional.empty(), e.choose(k1, true), "no IPv6 source listed");
  }

  @Test
  void originSeesOneSourceAddressPerKey() throws Exception {
    EgressAddresses egress = new EgressAddresses(List.of(A2, A3));
    try (BlockingOrigin origin = new BlockingOrigin(FakeNames.v4());
        Harness h =
            Harness.options()
                .exits(
                    (t, r) ->
                        new NioExitConnector(
                            t,
                            r,
                            Duration.ofSeconds(5),
                            Optional.of(egress),
                            DestinationPolicy.ALLOW_ALL))
                .start()) {
      assertEquals(A2, sourceSeen(h, origin, "alice"));
      assertEquals(A3, sourceSeen(h, origin, "bob"));
      assertEquals(A2, sourceSeen(h, origin, "alice"));
      assertEquals(A3, sourceSeen(h, origin, "bob"));
      h.isolation.newIdentity();
      assertEquals(A2, sourceSeen(h, origin, "bob"), "a new identity is a new key: next address");
    }
  }

  private static InetAddress sourceSeen(Harness h, BlockingOrigin origin, String user)
      throws Exception {
    try (SocksClient c = SocksClient.connect(h.v4())) {
      c.send(Socks5Greeting.of(Socks5AuthMethod.USERNAME_PASSWORD).toBytes());
      c.expect(new Socks5MethodSelection(Socks5AuthMethod.USERNAME_PASSWORD).toBytes());
      c.send(
          new PasswordAuthRequest(
                  user.getBytes(StandardCharsets.US_ASCII),
                  "pw".getBytes(StandardCharsets.US_ASCII))
              .toBytes());
      c.expect(PasswordAuthReply.SUCCESS.toBytes());
      c.send(
          new Socks5Request(Socks5Command.CONNECT, SocksAddress.of(FakeNames.v4()), origin.port())
              .toBytes());
      assertEquals(Socks5ReplyCode.SUCCEEDED, c.readSocks5Reply().rep());
      try (Socket s = origin.accept()) {
        return s.getInetAddress();
      }
    }
  }
}
