package dev.socksgate.core.session;

import static dev.socksgate.core.session.Outcomes.assertRefused;
import static dev.socksgate.core.session.Outcomes.assertReply;
import static dev.socksgate.core.session.Outcomes.now;
import static dev.socksgate.core.testing.Requests.addr;
import static dev.socksgate.core.testing.Requests.name;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.socksgate.core.fakes.Breakage;
import dev.socksgate.core.fakes.BrokenExitConnector;
import dev.socksgate.core.fakes.FailingExitConnector;
import dev.socksgate.core.fakes.FakeExit;
import dev.socksgate.core.fakes.MapResolver;
import dev.socksgate.core.fakes.RecordingExitConnector;
import dev.socksgate.core.handshake.ReplyCodes;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.model.IsolationFlags;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.model.Target;
import dev.socksgate.core.policy.TorDestinationPolicy;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.IsolationPolicy;
import dev.socksgate.core.testing.Hex;
import dev.socksgate.core.testing.Requests;
import dev.socksgate.core.testing.Vectors;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** CONNECT through the use case: success replies (§9), every failure's bytes, broken ports. */
class StreamServiceConnectTest {

  private final RecordingExitConnector exits = new RecordingExitConnector();
  private final TorIsolationPolicy isolation = new TorIsolationPolicy();

  private <E> StreamService<E> service(ExitConnector<E> connector) {
    return new StreamService<>(
        new MapResolver(), connector, isolation, TorDestinationPolicy.TOR_DEFAULTS);
  }

  private static ByteBuffer none() {
    return ByteBuffer.allocate(0);
  }

  @Test
  void socks5_ipv4Client_relayWithZeroBndAtyp01() {
    StreamRequest r = Requests.connect(name("example.com"), 443).build();
    StreamOutcome<FakeExit> o = now(service(exits).open(r, none()));
    assertInstanceOf(StreamOutcome.Relay.class, o);
    StreamOutcome.Relay<FakeExit> relay = (StreamOutcome.Relay<FakeExit>) o;
    assertReply(Vectors.err(0), o);
    assertSame(exits.onlyCall().request(), r);
    assertEquals(new Target(name("example.com"), 443), relay.exit().target());
  }

  @Test
  void socks5_ipv6Client_relayWithZeroBndAtyp04() {
    StreamRequest r =
        Requests.connect(name("example.com"), 443).client(Requests.ipv6Client()).build();
    assertReply(Vectors.err6(0), now(service(exits).open(r, none())));
  }

  @Test
  void socks5_ipv6Destination_supported() {
    StreamRequest r = Requests.connect(addr("2001:db8::1"), 443).safe(false).build();
    assertReply(Vectors.err(0), now(service(exits).open(r, none())));
    assertEquals(addr("2001:db8::1"), exits.onlyCall().request().target().host());
  }

  @ParameterizedTest
  @EnumSource(
      value = SocksProtocol.class,
      names = {"SOCKS4", "SOCKS4A"})
  void socks4_success_s4ok(SocksProtocol protocol) {
    StreamRequest r = Requests.connect(name("example.com"), 80).protocol(protocol).build();
    assertReply(Vectors.S4OK, now(service(exits).open(r, none())));
  }

  @Test
  void socks4_ipv6Client_stillS4ok() {
    StreamRequest r =
        Requests.connect(name("example.com"), 80)
            .protocol(SocksProtocol.SOCKS4A)
            .client(Requests.ipv6Client())
            .build();
    assertReply(Vectors.S4OK, now(service(exits).open(r, none())));
  }

  @Test
  void optimisticData_handedToTheExitByteExact() {
    byte[] payload =
        Hex.concat(
            Hex.bytes("'GET / HTTP/1.0' 0d0a 0d0a"), Hex.repeat(0, 3), Hex.repeat(0xff, 1000));
    ByteBuffer early = ByteBuffer.wrap(payload.clone());
    StreamOutcome<FakeExit> o =
        now(service(exits).open(Requests.connect(name("example.com"), 80).build(), early));
    assertArrayEquals(payload, exits.onlyCall().earlyData());
    assertArrayEquals(payload, ((StreamOutcome.Relay<FakeExit>) o).exit().received());
  }

  @Test
  void isolationKey_isThePolicysKeyForTheRequest() {
    StreamRequest r =
        Requests.connect(name("example.com"), 443)
            .credentials(Requests.userPass("alice", "pw"))
            .build();
    now(service(exits).open(r, none()));
    assertEquals(isolation.keyFor(r), exits.onlyCall().key());
  }

  /**
   * Tor reference §9 (docs/tor-reference.md): every failure kind, its SOCKS5 REP and SOCKS4 {@code
   * 5B}.
   */
  @ParameterizedTest(name = "{0} -> REP {1}")
  @CsvSource({
    "GENERAL, 01", "NOT_ALLOWED, 02", "NETWORK_UNREACHABLE, 03", "HOST_UNREACHABLE, 04",
    "RESOLVE_FAILED, 04", "CONNECTION_REFUSED, 05", "TIMED_OUT, 06", "PRIVATE_ADDRESS, 01",
    "INVALID_DESTINATION, 01", "INVALID_ONION_ADDRESS, 01", "ONION_RENDEZVOUS_FAILED, 01"
  })
  void failure_repliesAsTorMapsIt(StreamFailure failure, String rep) {
    int code = Integer.parseInt(rep, 16);
    FailingExitConnector<FakeExit> failing = new FailingExitConnector<>(failure);
    StreamRequest v4 = Requests.connect(name("example.com"), 443).build();
    assertRefused(failure, Vectors.err(code), now(service(failing).open(v4, none())));
    StreamRequest v6 =
        Requests.connect(name("example.com"), 443).client(Requests.ipv6Client()).build();
    assertRefused(failure, Vectors.err6(code), now(service(failing).open(v6, none())));
    for (SocksProtocol p : new SocksProtocol[] {SocksProtocol.SOCKS4, SocksProtocol.SOCKS4A}) {
      StreamRequest s4 = Requests.connect(name("example.com"), 443).protocol(p).build();
      assertRefused(failure, Vectors.S4REJ, now(service(failing).open(s4, none())));
    }
  }

  @ParameterizedTest
  @EnumSource(StreamFailure.class)
  void extendedErrors_onlyOnionFailuresBecomeTheirF0toF7(StreamFailure failure) {
    ListenerSettings extended =
        ListenerSettings.of(IsolationFlags.TOR_DEFAULTS, Requests.GROUP, false, true);
    StreamRequest r = Requests.connect(name("example.com"), 443).listener(extended).build();
    StreamOutcome<FakeExit> o =
        now(service(new FailingExitConnector<FakeExit>(failure)).open(r, none()));
    int rep = ReplyCodes.extendedCode(failure).map(c -> c.code() & 0xff).orElse(repOf(failure));
    assertRefused(failure, Vectors.err(rep), o);
    StreamRequest s4 =
        Requests.connect(name("example.com"), 443)
            .listener(extended)
            .protocol(SocksProtocol.SOCKS4A)
            .build();
    assertRefused(
        failure,
        Vectors.S4REJ,
        now(service(new FailingExitConnector<FakeExit>(failure)).open(s4, none())));
  }

  @ParameterizedTest
  @EnumSource(Breakage.class)
  void brokenConnector_generalFailureNeverAnException(Breakage breakage) {
    BrokenExitConnector<FakeExit> broken = new BrokenExitConnector<>(breakage);
    StreamRequest r = Requests.connect(name("example.com"), 443).build();
    assertRefused(StreamFailure.GENERAL, Vectors.err(1), now(service(broken).open(r, none())));
    StreamRequest s4 =
        Requests.connect(name("example.com"), 443).protocol(SocksProtocol.SOCKS4A).build();
    assertRefused(StreamFailure.GENERAL, Vectors.S4REJ, now(service(broken).open(s4, none())));
  }

  @Test
  void throwingIsolationPolicy_generalFailure() {
    IsolationPolicy throwing =
        request -> {
          throw new IllegalStateException("bug");
        };
    StreamService<FakeExit> s =
        new StreamService<>(new MapResolver(), exits, throwing, TorDestinationPolicy.TOR_DEFAULTS);
    assertRefused(
        StreamFailure.GENERAL,
        Vectors.err(1),
        now(s.open(Requests.connect(name("example.com"), 443).build(), none())));
    assertEquals(0, exits.calls().size());
  }

  @Test
  void failureReply_forCallersThatEndARequestThemselves() {
    StreamService<FakeExit> s = service(exits);
    StreamRequest connect = Requests.connect(name("example.com"), 443).build();
    StreamRequest resolve = Requests.resolve(name("example.com")).build();
    StreamRequest s4 =
        Requests.connect(name("example.com"), 443).protocol(SocksProtocol.SOCKS4A).build();
    Outcomes.assertBytes(Vectors.err(6), s.failureReply(connect, StreamFailure.TIMED_OUT));
    Outcomes.assertBytes(Vectors.RESOLVE_FAILED, s.failureReply(resolve, StreamFailure.TIMED_OUT));
    Outcomes.assertBytes(Vectors.S4REJ, s.failureReply(s4, StreamFailure.TIMED_OUT));
  }

  private static int repOf(StreamFailure f) {
    return switch (f) {
      case GENERAL, PRIVATE_ADDRESS, INVALID_DESTINATION, INVALID_ONION_ADDRESS -> 1;
      case NOT_ALLOWED -> 2;
      case NETWORK_UNREACHABLE -> 3;
      case HOST_UNREACHABLE, RESOLVE_FAILED -> 4;
      case CONNECTION_REFUSED -> 5;
      case TIMED_OUT -> 6;
      case ONION_DESCRIPTOR_NOT_FOUND,
          ONION_DESCRIPTOR_INVALID,
          ONION_INTRODUCTION_FAILED,
          ONION_RENDEZVOUS_FAILED,
          ONION_CLIENT_AUTH_MISSING,
          ONION_CLIENT_AUTH_BAD,
          ONION_INTRODUCTION_TIMED_OUT ->
          1;
    };
  }
}
