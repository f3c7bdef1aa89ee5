package dev.socksgate.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.testing.Requests;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The model's validating constructors and redacted {@code toString}s. */
class ModelValidationTest {

  @Test
  void hostName_nonEmptyAtMost255LowerCase() {
    assertThrows(IllegalArgumentException.class, () -> new Host.Name(""));
    assertThrows(IllegalArgumentException.class, () -> new Host.Name("a".repeat(256)));
    assertThrows(IllegalArgumentException.class, () -> new Host.Name("Example.com"));
    assertThrows(NullPointerException.class, () -> new Host.Name(null));
    assertEquals("a".repeat(255), new Host.Name("a".repeat(255)).name());
  }

  @Test
  void hostAddress_ipv6ShownInBrackets() {
    assertEquals("[2001:db8:0:0:0:0:0:1]", Requests.addr("2001:db8::1").toString());
    assertEquals("10.0.0.1", Requests.addr("10.0.0.1").toString());
    assertTrue(((Host.Address) Requests.addr("::1")).isIpv6());
  }

  @Test
  void target_portRange() {
    Host h = Requests.name("example.com");
    assertThrows(IllegalArgumentException.class, () -> new Target(h, -1));
    assertThrows(IllegalArgumentException.class, () -> new Target(h, 65536));
    assertEquals(0, new Target(h, 0).port());
    assertEquals(65535, new Target(h, 65535).port());
  }

  @Test
  void streamRequest_resolvePtrNeedsAnAddressAndSocks5() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Requests.resolvePtr("10.0.0.1").host(Requests.name("example.com")).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Requests.resolvePtr("10.0.0.1").protocol(SocksProtocol.SOCKS4).build());
  }

  @Test
  void streamRequest_credentialsConsistentWithTheVersion() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Requests.connect(Requests.name("x"), 1).credentials(Requests.userId("me")).build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Requests.connect(Requests.name("x"), 1)
                .protocol(SocksProtocol.SOCKS4A)
                .credentials(Requests.userPass("me", ""))
                .build());
    Requests.connect(Requests.name("x"), 1)
        .protocol(SocksProtocol.SOCKS4A)
        .credentials(Requests.userId("me"))
        .build();
  }

  @Test
  void streamRequest_toStringRedacted() {
    String shown =
        Requests.connect(Requests.name("secret.example"), 443)
            .credentials(Requests.userPass("alice", "pw"))
            .build()
            .toString();
    assertFalse(
        shown.contains("secret") || shown.contains("alice") || shown.contains("127.0.0.1"), shown);
    assertTrue(shown.contains("CONNECT") && shown.contains("SOCKS5"), shown);
  }

  @Test
  void clientInfo_addressNotName_toStringShowsFamilyOnly() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ClientInfo(
                InetSocketAddress.createUnresolved("client.example", 1),
                ListenerSettings.torDefaults(1)));
    assertEquals("ClientInfo[IPv4 client]", Requests.ipv4Client().toString());
    assertEquals("ClientInfo[IPv6 client]", Requests.ipv6Client().toString());
    assertTrue(Requests.ipv6Client().isIpv6());
    assertFalse(Requests.ipv4Client().isIpv6());
  }

  @Test
  void listenerSettings_withoutIsolateSocksAuth_preferNoAuthForced() {
    IsolationFlags noAuth = new IsolationFlags(true, false, false, false, false);
    assertTrue(new ListenerSettings(noAuth, 1, false, false).preferNoAuth());
    assertTrue(ListenerSettings.of(noAuth, 1, false, false).preferNoAuth());
    assertFalse(ListenerSettings.torDefaults(1).preferNoAuth());
    assertTrue(ListenerSettings.of(IsolationFlags.TOR_DEFAULTS, 1, true, false).preferNoAuth());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ListenerSettings(IsolationFlags.TOR_DEFAULTS, -1, false, false));
  }

  @Test
  void isolationFlags_torDefaults() {
    assertEquals(new IsolationFlags(true, true, false, false, false), IsolationFlags.TOR_DEFAULTS);
  }

  @Test
  void socksProtocol_versions() {
    assertEquals(4, SocksProtocol.SOCKS4.version());
    assertEquals(4, SocksProtocol.SOCKS4A.version());
    assertEquals(5, SocksProtocol.SOCKS5.version());
  }
}
