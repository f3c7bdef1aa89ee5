package dev.socksgate.core.session;

import static dev.socksgate.core.session.Outcomes.now;
import static dev.socksgate.core.testing.Requests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.socksgate.core.fakes.FakeExit;
import dev.socksgate.core.fakes.MapResolver;
import dev.socksgate.core.fakes.RecordingExitConnector;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.IsolationFlags;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.policy.TorDestinationPolicy;
import dev.socksgate.core.testing.Requests;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Stream isolation (Tor reference §13 (docs/tor-reference.md)) as the exit connector sees it: each
 * test opens two streams through the use case and compares the isolation keys the connector was
 * given.
 */
class IsolationThroughServiceTest {

  private static final IsolationFlags DEFAULTS = IsolationFlags.TOR_DEFAULTS;
  private static final IsolationFlags NONE = new IsolationFlags(false, false, false, false, false);

  private final RecordingExitConnector exits = new RecordingExitConnector();
  private final TorIsolationPolicy isolation = new TorIsolationPolicy();
  private final StreamService<FakeExit> service =
      new StreamService<>(
          new MapResolver(), exits, isolation, new TorDestinationPolicy(false, true, false));

  /** A CONNECT to example.com:443 from 127.0.0.1 through a listener with these flags. */
  private static Requests.Builder stream(IsolationFlags flags) {
    return Requests.connect(name("example.com"), 443)
        .listener(new ListenerSettings(flags, Requests.GROUP, false, false));
  }

  private IsolationKey keyOf(Requests.Builder b) {
    now(service.open(b.build(), ByteBuffer.allocate(0)));
    return exits.calls().get(exits.calls().size() - 1).key();
  }

  private void assertShare(Requests.Builder a, Requests.Builder b) {
    assertEquals(keyOf(a), keyOf(b));
  }

  private void assertIsolated(Requests.Builder a, Requests.Builder b) {
    assertNotEquals(keyOf(a), keyOf(b));
  }

  @Test
  void sameEverything_share() {
    assertShare(stream(DEFAULTS), stream(DEFAULTS));
  }

  @Test
  void isolateClientAddr_comparesTheIpNotThePort() {
    var listener = new ListenerSettings(DEFAULTS, Requests.GROUP, false, false);
    assertIsolated(
        stream(DEFAULTS), stream(DEFAULTS).client(Requests.client("127.0.0.2", listener)));
    assertShare(
        stream(DEFAULTS),
        stream(DEFAULTS)
            .client(
                new ClientInfo(new InetSocketAddress(Requests.ip("127.0.0.1"), 1234), listener)));
  }

  @Test
  void noIsolateClientAddr_differentClientsShare() {
    var off = new IsolationFlags(false, true, false, false, false);
    var listener = new ListenerSettings(off, Requests.GROUP, false, false);
    assertShare(stream(off), stream(off).client(Requests.client("::1", listener)));
  }

  @Test
  void socksAuth_absentEqualsEmptyUserAndPassword() {
    assertShare(stream(DEFAULTS), stream(DEFAULTS).credentials(Requests.userPass("", "")));
  }

  @Test
  void socksAuth_absentDiffersFromAnyCredential() {
    assertIsolated(stream(DEFAULTS), stream(DEFAULTS).credentials(Requests.userPass("u", "")));
    assertIsolated(stream(DEFAULTS), stream(DEFAULTS).credentials(Requests.userPass("", "p")));
    assertIsolated(
        stream(DEFAULTS),
        stream(DEFAULTS).protocol(SocksProtocol.SOCKS4A).credentials(Requests.userId("me")));
  }

  @Test
  void socksAuth_passwordsCompared() {
    assertIsolated(
        stream(DEFAULTS).credentials(Requests.userPass("u", "a")),
        stream(DEFAULTS).credentials(Requests.userPass("u", "b")));
    assertShare(
        stream(DEFAULTS).credentials(Requests.userPass("u", "a")),
        stream(DEFAULTS).credentials(Requests.userPass("u", "a")));
  }

  @Test
  void socks4UserIdMe_equalsSocks5MeWithEmptyPassword_unlessIsolateClientProtocol() {
    Credentials s5 = Requests.userPass("me", "");
    assertShare(
        stream(DEFAULTS).protocol(SocksProtocol.SOCKS4A).credentials(Requests.userId("me")),
        stream(DEFAULTS).credentials(s5));
    var protocol = new IsolationFlags(true, true, true, false, false);
    assertIsolated(
        stream(protocol).protocol(SocksProtocol.SOCKS4A).credentials(Requests.userId("me")),
        stream(protocol).credentials(s5));
  }

  @Test
  void torS0X0_comparedAsRawBytes() {
    assertIsolated(
        stream(DEFAULTS).credentials(Requests.userPass("<torS0X>0", "x")),
        stream(DEFAULTS).credentials(Requests.userPass("hello", "x")));
    assertIsolated(
        stream(DEFAULTS).credentials(Requests.userPass("<torS0X>0", "a")),
        stream(DEFAULTS).credentials(Requests.userPass("<torS0X>0", "b")));
    assertShare(
        stream(DEFAULTS).credentials(Requests.userPass("<torS0X>0", "a")),
        stream(DEFAULTS).credentials(Requests.userPass("<torS0X>0", "a")));
  }

  @Test
  void noIsolateSocksAuth_differentCredentialsShare() {
    var off = new IsolationFlags(true, false, false, false, false);
    assertShare(
        stream(off).credentials(Requests.userPass("a", "1")),
        stream(off).credentials(Requests.userPass("b", "2")));
  }

  @Test
  void isolateClientProtocol_socks4VersusSocks5_butNotSocks4VersusSocks4a() {
    var on = new IsolationFlags(true, true, true, false, false);
    assertIsolated(stream(on).protocol(SocksProtocol.SOCKS4A), stream(on));
    assertShare(
        stream(on).protocol(SocksProtocol.SOCKS4A),
        stream(on).protocol(SocksProtocol.SOCKS4).host(Requests.addr("93.184.216.34")).safe(false));
    assertShare(stream(DEFAULTS).protocol(SocksProtocol.SOCKS4A), stream(DEFAULTS));
  }

  @Test
  void isolateDestPort() {
    var on = new IsolationFlags(true, true, false, true, false);
    assertIsolated(stream(on).port(80), stream(on).port(443));
    assertShare(stream(DEFAULTS).port(80), stream(DEFAULTS).port(443));
  }

  @Test
  void isolateDestAddr() {
    var on = new IsolationFlags(true, true, false, false, true);
    assertIsolated(stream(on), stream(on).host(name("example.org")));
    assertShare(stream(DEFAULTS), stream(DEFAULTS).host(name("example.org")));
  }

  @Test
  void allFlagsOff_onlyGroupAndEpochCount() {
    assertShare(
        stream(NONE).credentials(Requests.userPass("a", "b")).port(1),
        stream(NONE)
            .client(
                Requests.client("::2", new ListenerSettings(NONE, Requests.GROUP, false, false)))
            .host(name("example.org")));
  }

  @Test
  void differentSessionGroups_neverShare() {
    assertIsolated(
        stream(DEFAULTS),
        Requests.connect(name("example.com"), 443)
            .listener(ListenerSettings.torDefaults(Requests.GROUP + 1)));
    assertIsolated(
        stream(NONE),
        Requests.connect(name("example.com"), 443)
            .listener(new ListenerSettings(NONE, Requests.GROUP + 1, false, false)));
  }

  @Test
  void newIdentity_laterKeysDifferFromEarlierOnes() {
    IsolationKey before = keyOf(stream(DEFAULTS));
    isolation.newIdentity();
    IsolationKey after = keyOf(stream(DEFAULTS));
    assertNotEquals(before, after);
    assertEquals(after, keyOf(stream(DEFAULTS)));
  }
}
