package dev.socksgate.core.session;

import static dev.socksgate.core.session.Outcomes.assertRefused;
import static dev.socksgate.core.session.Outcomes.now;
import static dev.socksgate.core.testing.Requests.addr;
import static dev.socksgate.core.testing.Requests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.socksgate.core.fakes.FakeExit;
import dev.socksgate.core.fakes.MapResolver;
import dev.socksgate.core.fakes.RecordingExitConnector;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.IsolationFlags;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.policy.TorDestinationPolicy;
import dev.socksgate.core.testing.Requests;
import dev.socksgate.core.testing.Vectors;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tor's policy layer (reference §8, §12) through the use case: what is refused before any port is
 * used, and the exact reply.
 */
class DestinationPolicyThroughServiceTest {

  /** A valid v3 onion name (checksum and version byte correct). */
  static final String ONION = "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

  /** The same name with two characters changed: the checksum no longer matches. */
  static final String BAD_CHECKSUM_ONION =
      "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzcaad.onion";

  private static final ListenerSettings EXTENDED =
      ListenerSettings.of(IsolationFlags.TOR_DEFAULTS, Requests.GROUP, false, true);

  private final MapResolver resolver = new MapResolver();
  private final RecordingExitConnector exits = new RecordingExitConnector();

  private StreamOutcome<FakeExit> open(TorDestinationPolicy policy, StreamRequest r) {
    return now(
        new StreamService<>(resolver, exits, new TorIsolationPolicy(), policy)
            .open(r, ByteBuffer.allocate(0)));
  }

  private StreamOutcome<FakeExit> open(StreamRequest r) {
    return open(TorDestinationPolicy.TOR_DEFAULTS, r);
  }

  private void assertNoPortUsed() {
    assertEquals(List.of(), exits.calls());
    assertEquals(List.of(), resolver.lookups());
  }

  @ParameterizedTest
  @ValueSource(strings = {"www.example.com.exit", "exit.exit", "x.exit."})
  void exitNames_connectErr01_resolve05_04(String host) {
    assertRefused(
        StreamFailure.INVALID_DESTINATION,
        Vectors.err(1),
        open(Requests.connect(name(host), 80).build()));
    assertRefused(
        StreamFailure.INVALID_DESTINATION,
        Vectors.RESOLVE_FAILED,
        open(Requests.resolve(name(host)).build()));
    assertNoPortUsed();
  }

  @ParameterizedTest
  @ValueSource(strings = {"exit", "onion", "onion.example", "example.exit.com"})
  void namesThatMerelyContainExitOrOnion_areOrdinary(String host) {
    assertInstanceOf(StreamOutcome.Relay.class, open(Requests.connect(name(host), 80).build()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc.onion",
        BAD_CHECKSUM_ONION,
        "www.abc.onion",
        "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczae.onion",
        "expyuzz4wqqyqhjn.onion"
      })
  void malformedOnion_err01_orF6WithExtendedErrors(String host) {
    assertRefused(
        StreamFailure.INVALID_ONION_ADDRESS,
        Vectors.err(1),
        open(Requests.connect(name(host), 80).build()));
    assertRefused(
        StreamFailure.INVALID_ONION_ADDRESS,
        Vectors.err(0xf6),
        open(Requests.connect(name(host), 80).listener(EXTENDED).build()));
    assertRefused(
        StreamFailure.INVALID_ONION_ADDRESS,
        Vectors.err6(0xf6),
        open(Requests.connect(name(host), 80).client(Requests.client("::1", EXTENDED)).build()));
    assertRefused(
        StreamFailure.INVALID_ONION_ADDRESS,
        Vectors.S4REJ,
        open(
            Requests.connect(name(host), 80)
                .listener(EXTENDED)
                .protocol(SocksProtocol.SOCKS4A)
                .build()));
    assertNoPortUsed();
  }

  @Test
  void validOnion_refusedUnlessTheExitAllowsOnion() {
    assertRefused(
        StreamFailure.NOT_ALLOWED,
        Vectors.err(2),
        open(Requests.connect(name(ONION), 443).build()));
    assertRefused(
        StreamFailure.NOT_ALLOWED,
        Vectors.err(2),
        open(Requests.connect(name("www." + ONION), 443).build()));
    assertNoPortUsed();
    TorDestinationPolicy onionExit = new TorDestinationPolicy(true, true, true);
    assertInstanceOf(
        StreamOutcome.Relay.class, open(onionExit, Requests.connect(name(ONION), 443).build()));
    assertEquals(new Host.Name(ONION), exits.onlyCall().request().target().host());
  }

  @Test
  void resolveOfOnion_alwaysRefused_neverReachesTheResolver() {
    TorDestinationPolicy onionExit = new TorDestinationPolicy(true, true, true);
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.RESOLVE_FAILED,
        open(onionExit, Requests.resolve(name(ONION)).build()));
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.S4REJ,
        open(onionExit, Requests.resolve(name(ONION)).protocol(SocksProtocol.SOCKS4A).build()));
    assertNoPortUsed();
  }

  @Test
  void connectToPortZero_err01() {
    assertRefused(
        StreamFailure.INVALID_DESTINATION,
        Vectors.err(1),
        open(Requests.connect(name("example.com"), 0).build()));
    assertNoPortUsed();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "local", "printer.local", "localhost.", "a.localhost"})
  void internalNames_refusedWithRejectInternalAddresses(String host) {
    assertRefused(
        StreamFailure.PRIVATE_ADDRESS,
        Vectors.err(1),
        open(Requests.connect(name(host), 80).build()));
    assertRefused(
        StreamFailure.PRIVATE_ADDRESS,
        Vectors.S4REJ,
        open(Requests.connect(name(host), 80).protocol(SocksProtocol.SOCKS4A).build()));
    assertNoPortUsed();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"127.0.0.1", "10.0.0.1", "192.168.1.1", "::1", "fe80::1", "::ffff:10.0.0.1"})
  void internalLiterals_refusedWithRejectInternalAddresses(String literal) {
    Host host =
        literal.equals("::ffff:10.0.0.1")
            ? new Host.Address(
                Requests.ipv6(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 0, 0, 1}))
            : addr(literal);
    assertRefused(
        StreamFailure.PRIVATE_ADDRESS,
        Vectors.err(1),
        open(Requests.connect(host, 80).safe(false).build()));
    assertNoPortUsed();
  }

  @Test
  void internalDestinations_allowedWithoutRejectInternalAddresses() {
    TorDestinationPolicy open = new TorDestinationPolicy(false, true, false);
    assertInstanceOf(
        StreamOutcome.Relay.class, open(open, Requests.connect(name("localhost"), 80).build()));
    assertInstanceOf(
        StreamOutcome.Relay.class,
        open(open, Requests.connect(addr("10.0.0.1"), 80).safe(false).build()));
    assertEquals(2, exits.calls().size());
  }

  @Test
  void socks4ConnectToIpv6Literal_s4rej() {
    assertRefused(
        StreamFailure.NOT_ALLOWED,
        Vectors.S4REJ,
        open(Requests.connect(addr("2001:db8::1"), 80).protocol(SocksProtocol.SOCKS4A).build()));
    assertNoPortUsed();
  }

  @Test
  void socks5ConnectToPublicIpv6Literal_allowed() {
    assertInstanceOf(
        StreamOutcome.Relay.class,
        open(Requests.connect(addr("2001:db8::1"), 80).safe(false).build()));
  }

  @Test
  void ptrOfInternalAddress_refusedUnderRejectInternalDns() {
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.RESOLVE_FAILED,
        open(Requests.resolvePtr("127.0.0.1").build()));
    assertNoPortUsed();
    open(new TorDestinationPolicy(true, false, false), Requests.resolvePtr("127.0.0.1").build());
    assertEquals(1, resolver.lookups().size());
  }
}
