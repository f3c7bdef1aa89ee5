package dev.socksgate.core.session;

import static dev.socksgate.core.session.Outcomes.assertAnswered;
import static dev.socksgate.core.session.Outcomes.assertRefused;
import static dev.socksgate.core.session.Outcomes.now;
import static dev.socksgate.core.testing.Requests.addr;
import static dev.socksgate.core.testing.Requests.ip;
import static dev.socksgate.core.testing.Requests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.core.fakes.Breakage;
import dev.socksgate.core.fakes.BrokenResolver;
import dev.socksgate.core.fakes.FakeExit;
import dev.socksgate.core.fakes.MapResolver;
import dev.socksgate.core.fakes.RecordingExitConnector;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.model.IsolationFlags;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.policy.TorDestinationPolicy;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.core.testing.Hex;
import dev.socksgate.core.testing.Requests;
import dev.socksgate.core.testing.Vectors;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RESOLVE and RESOLVE_PTR through the use case (Tor reference §3 (docs/tor-reference.md) replies,
 * §7): port 0 in every answer, the answer's type decides the reply's ATYP, every failure is {@code
 * 05 04 00 00 ...}, SOCKS4 gets IPv4 answers only.
 */
class StreamServiceResolveTest {

  private static final String V6_HEX = "20010db8 00000000 00000000 00000001";

  private final MapResolver resolver =
      new MapResolver()
          .name("example.com", ip("93.184.216.34"), ip("2001:db8::1"))
          .name("v6first.test", ip("2001:db8::1"), ip("192.0.2.7"))
          .name("v6only.test", ip("2001:db8::1"))
          .name("private.test", ip("10.0.0.1"), ip("fd00::1"))
          .name("mixed.test", ip("127.0.0.1"), ip("192.0.2.9"))
          .ptr(ip("93.184.216.34"), "example.com")
          .ptr(ip("2001:db8::1"), "v6.example.com")
          .ptr(ip("10.0.0.1"), "router.lan");
  private final RecordingExitConnector exits = new RecordingExitConnector();

  private StreamService<FakeExit> service(TorDestinationPolicy policy) {
    return service(resolver, policy);
  }

  private StreamService<FakeExit> service(Resolver r, TorDestinationPolicy policy) {
    return new StreamService<>(r, exits, new TorIsolationPolicy(), policy);
  }

  private StreamOutcome<FakeExit> open(StreamRequest r) {
    return now(service(TorDestinationPolicy.TOR_DEFAULTS).open(r, ByteBuffer.allocate(0)));
  }

  @Test
  void socks5_name_firstIpv4Answer() {
    assertAnswered(
        "05 00 00 01 5db8d822 0000", open(Requests.resolve(name("example.com")).port(443).build()));
  }

  @Test
  void socks5_ipv4PreferredEvenWhenListedSecond() {
    assertAnswered(
        "05 00 00 01 c0000207 0000", open(Requests.resolve(name("v6first.test")).build()));
  }

  @Test
  void socks5_onlyIpv6_answerTypeFollowsTheAnswer_evenForAnIpv4Client() {
    assertAnswered(
        "05 00 00 04 " + V6_HEX + " 0000", open(Requests.resolve(name("v6only.test")).build()));
  }

  @Test
  void socks5_ipv6Client_ipv4Answer_stillAtyp01() {
    assertAnswered(
        "05 00 00 01 5db8d822 0000",
        open(Requests.resolve(name("example.com")).client(Requests.ipv6Client()).build()));
  }

  @Test
  void socks5_unknownName_05_04_atyp00() {
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.RESOLVE_FAILED,
        open(Requests.resolve(name("unknown.test")).build()));
  }

  @Test
  void socks4a_name_ipv4Answer_vn00() {
    assertAnswered(
        "00 5a 0000 5db8d822",
        open(Requests.resolve(name("example.com")).protocol(SocksProtocol.SOCKS4A).build()));
  }

  @Test
  void socks4a_onlyIpv6Answer_s4rej() {
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.S4REJ,
        open(Requests.resolve(name("v6only.test")).protocol(SocksProtocol.SOCKS4A).build()));
  }

  @Test
  void socks4a_unknownName_s4rej() {
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.S4REJ,
        open(Requests.resolve(name("unknown.test")).protocol(SocksProtocol.SOCKS4A).build()));
  }

  @Test
  void literals_answeredAtOnceWithoutTheResolver() {
    assertAnswered(
        "05 00 00 01 08080808 0000", open(Requests.resolve(addr("8.8.8.8")).safe(false).build()));
    assertAnswered(
        "05 00 00 04 " + V6_HEX + " 0000", open(Requests.resolve(addr("2001:db8::1")).build()));
    assertAnswered(
        "00 5a 0000 7f000001",
        open(
            Requests.resolve(addr("127.0.0.1"))
                .protocol(SocksProtocol.SOCKS4)
                .safe(false)
                .build()));
    assertAnswered(
        "00 5a 0000 0a010203",
        open(Requests.resolve(addr("10.1.2.3")).protocol(SocksProtocol.SOCKS4A).build()));
    assertEquals(List.of(), resolver.lookups());
  }

  @Test
  void socks4a_ipv6Literal_s4rej() {
    StreamOutcome<FakeExit> o =
        open(Requests.resolve(addr("2001:db8::1")).protocol(SocksProtocol.SOCKS4A).build());
    assertRefused(StreamFailure.NOT_ALLOWED, Vectors.S4REJ, o);
  }

  @Test
  void optimisticDataAfterResolve_discarded_noExitOpened() {
    StreamOutcome<FakeExit> o =
        now(
            service(TorDestinationPolicy.TOR_DEFAULTS)
                .open(Requests.resolve(name("example.com")).build(), Hex.buffer("'junk'")));
    assertAnswered("05 00 00 01 5db8d822 0000", o);
    assertEquals(List.of(), exits.calls());
  }

  @Test
  void internalAnswers_droppedUnderRejectInternalDns() {
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.RESOLVE_FAILED,
        open(Requests.resolve(name("private.test")).build()));
    assertAnswered("05 00 00 01 c0000209 0000", open(Requests.resolve(name("mixed.test")).build()));
  }

  @Test
  void internalAnswers_keptWithoutRejectInternalDns() {
    StreamService<FakeExit> s = service(new TorDestinationPolicy(true, false, false));
    assertAnswered(
        "05 00 00 01 0a000001 0000",
        now(s.open(Requests.resolve(name("private.test")).build(), ByteBuffer.allocate(0))));
  }

  @Test
  void extendedErrors_neverInResolveReplies() {
    ListenerSettings extended =
        ListenerSettings.of(IsolationFlags.TOR_DEFAULTS, Requests.GROUP, false, true);
    assertRefused(
        StreamFailure.INVALID_ONION_ADDRESS,
        Vectors.RESOLVE_FAILED,
        open(Requests.resolve(name("abc.onion")).listener(extended).build()));
  }

  @Test
  void resolveKey_isThePolicysKey() {
    StreamRequest r =
        Requests.resolve(name("example.com")).credentials(Requests.userPass("a", "b")).build();
    open(r);
    assertEquals(new TorIsolationPolicy().keyFor(r), resolver.lookups().get(0).key());
  }

  @ParameterizedTest
  @EnumSource(Breakage.class)
  void brokenResolver_resolveFailedNeverAnException(Breakage breakage) {
    StreamService<FakeExit> s =
        service(new BrokenResolver(breakage), TorDestinationPolicy.TOR_DEFAULTS);
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.RESOLVE_FAILED,
        now(s.open(Requests.resolve(name("example.com")).build(), ByteBuffer.allocate(0))));
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.RESOLVE_FAILED,
        now(s.open(Requests.resolvePtr("93.184.216.34").build(), ByteBuffer.allocate(0))));
    Outcomes.assertReply(
        Vectors.S4REJ,
        now(
            s.open(
                Requests.resolve(name("example.com")).protocol(SocksProtocol.SOCKS4A).build(),
                ByteBuffer.allocate(0))));
  }

  @Test
  void ptr_ipv4_nameInAtyp03_port0() {
    assertAnswered(
        "05 00 00 03 0b 'example.com' 0000", open(Requests.resolvePtr("93.184.216.34").build()));
  }

  @Test
  void ptr_ipv6_nameInAtyp03() {
    assertAnswered(
        "05 00 00 03 0e 'v6.example.com' 0000", open(Requests.resolvePtr("2001:db8::1").build()));
  }

  @Test
  void ptr_noName_05_04_atyp00() {
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.RESOLVE_FAILED,
        open(Requests.resolvePtr("192.0.2.1").build()));
  }

  @Test
  void ptr_internalAddress_refusedAtOnceUnderRejectInternalDns() {
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.RESOLVE_FAILED,
        open(Requests.resolvePtr("10.0.0.1").build()));
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.RESOLVE_FAILED,
        open(Requests.resolvePtr("127.0.0.1").build()));
    assertEquals(List.of(), resolver.lookups());
  }

  @Test
  void ptr_internalAddress_lookedUpWithoutRejectInternalDns() {
    StreamService<FakeExit> s = service(new TorDestinationPolicy(true, false, false));
    assertAnswered(
        "05 00 00 03 0a 'router.lan' 0000",
        now(s.open(Requests.resolvePtr("10.0.0.1").build(), ByteBuffer.allocate(0))));
  }

  @Test
  void ptr_unusableNames_05_04() {
    MapResolver odd =
        new MapResolver()
            .ptr(ip("192.0.2.1"), "")
            .ptr(ip("192.0.2.2"), "a\0b")
            .ptr(ip("192.0.2.3"), "x".repeat(256));
    StreamService<FakeExit> s = service(odd, TorDestinationPolicy.TOR_DEFAULTS);
    for (String a : List.of("192.0.2.1", "192.0.2.2", "192.0.2.3")) {
      assertRefused(
          StreamFailure.RESOLVE_FAILED,
          Vectors.RESOLVE_FAILED,
          now(s.open(Requests.resolvePtr(a).build(), ByteBuffer.allocate(0))));
    }
  }

  @Test
  void ptr_nameOf255Bytes_fits() {
    MapResolver r = new MapResolver().ptr(ip("192.0.2.1"), "x".repeat(255));
    StreamOutcome<FakeExit> o =
        now(
            service(r, TorDestinationPolicy.TOR_DEFAULTS)
                .open(Requests.resolvePtr("192.0.2.1").build(), ByteBuffer.allocate(0)));
    assertEquals(4 + 1 + 255 + 2, o.reply().remaining());
  }
}
