package dev.socksgate.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.model.IsolationFlags;
import java.net.InetSocketAddress;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SocksPortSpecTest {

  @Test
  void portAlone_bindsLoopbackWithTorDefaults() {
    SocksPortSpec s = SocksPortSpec.parse("9050");
    assertEquals(new InetSocketAddress("127.0.0.1", 9050), s.bind());
    assertEquals(IsolationFlags.TOR_DEFAULTS, s.isolation());
    assertEquals(OptionalInt.empty(), s.sessionGroup());
    assertFalse(s.preferNoAuth());
    assertFalse(s.extendedErrors());
  }

  @Test
  void defaults_are127001port1080() {
    assertEquals(new InetSocketAddress("127.0.0.1", 1080), SocksPortSpec.defaults().bind());
  }

  @Test
  void ipv4AndIpv6Addresses_parseWithoutLookup() {
    assertEquals(
        new InetSocketAddress("0.0.0.0", 1080), SocksPortSpec.parse("0.0.0.0:1080").bind());
    assertEquals(new InetSocketAddress("::1", 1081), SocksPortSpec.parse("[::1]:1081").bind());
  }

  @Test
  void everyFlag_turnsItsSettingOn() {
    SocksPortSpec s =
        SocksPortSpec.parse(
            "1080 IsolateClientProtocol IsolateDestPort "
                + "IsolateDestAddr PreferSOCKSNoAuth ExtendedErrors SessionGroup=7");
    assertEquals(new IsolationFlags(true, true, true, true, true), s.isolation());
    assertTrue(s.preferNoAuth());
    assertTrue(s.extendedErrors());
    assertEquals(OptionalInt.of(7), s.sessionGroup());
  }

  @Test
  void noPrefix_negates() {
    SocksPortSpec s = SocksPortSpec.parse("1080 NoIsolateClientAddr NoIsolateSOCKSAuth");
    assertEquals(new IsolationFlags(false, false, false, false, false), s.isolation());
  }

  @Test
  void flags_areCaseInsensitiveAndPluralTolerant() {
    SocksPortSpec s = SocksPortSpec.parse("1080 isolatedestports ISOLATEDESTADDR sessiongroup=3");
    assertTrue(s.isolation().isolateDestPort());
    assertTrue(s.isolation().isolateDestAddr());
    assertEquals(OptionalInt.of(3), s.sessionGroup());
  }

  @Test
  void proxyProtocol_offByDefault_aFlagLikeTheOthers() {
    assertFalse(SocksPortSpec.parse("1080").proxyProtocol());
    assertTrue(SocksPortSpec.parse("1080 ProxyProtocol").proxyProtocol());
    assertTrue(SocksPortSpec.parse("1080 proxyprotocol IsolateDestPort").proxyProtocol());
    assertFalse(SocksPortSpec.parse("1080 ProxyProtocol NoProxyProtocol").proxyProtocol());
  }

  @Test
  void lastMention_wins() {
    assertFalse(
        SocksPortSpec.parse("1080 IsolateDestPort NoIsolateDestPort")
            .isolation()
            .isolateDestPort());
    assertTrue(
        SocksPortSpec.parse("1080 NoIsolateDestPort IsolateDestPort")
            .isolation()
            .isolateDestPort());
  }

  @Test
  void badInput_isRejectedWithItsReason() {
    assertEquals(
        "unknown SocksPort flag: IsolateEverything",
        assertThrows(
                IllegalArgumentException.class, () -> SocksPortSpec.parse("1080 IsolateEverything"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> SocksPortSpec.parse("65536"));
    assertThrows(IllegalArgumentException.class, () -> SocksPortSpec.parse("localhost:1080"));
    assertThrows(IllegalArgumentException.class, () -> SocksPortSpec.parse("::1:1080"));
    assertThrows(IllegalArgumentException.class, () -> SocksPortSpec.parse("1080 SessionGroup=-1"));
    assertThrows(
        IllegalArgumentException.class, () -> SocksPortSpec.parse("1080 SessionGroup=1000000"));
    assertThrows(IllegalArgumentException.class, () -> SocksPortSpec.parse("  "));
  }

  @Test
  void httpTunnelFlag_makesTheSocksPortSpeakBoth_lastMentionWins() {
    assertEquals(
        dev.socksgate.core.model.ListenerProtocols.SOCKS, SocksPortSpec.parse("9050").protocols());
    assertEquals(
        dev.socksgate.core.model.ListenerProtocols.SOCKS_AND_HTTP,
        SocksPortSpec.parse("9050 httptunnel IsolateDestPort").protocols());
    assertEquals(
        dev.socksgate.core.model.ListenerProtocols.SOCKS,
        SocksPortSpec.parse("9050 HTTPTunnel NoHTTPTunnel").protocols());
  }

  @Test
  void httpTunnelPort_speaksHttpOnlyWithTheSameFlags() {
    SocksPortSpec s = SocksPortSpec.parseHttpTunnel("[::1]:8118 IsolateDestAddr SessionGroup=7");
    assertEquals(dev.socksgate.core.model.ListenerProtocols.HTTP, s.protocols());
    assertEquals(new InetSocketAddress("::1", 8118), s.bind());
    assertTrue(s.isolation().isolateDestAddr());
    assertEquals(7, s.sessionGroup().getAsInt());
    assertEquals(
        dev.socksgate.core.model.ListenerProtocols.HTTP,
        SocksPortSpec.parseHttpTunnel("8118 HTTPTunnel").protocols());
  }
}
