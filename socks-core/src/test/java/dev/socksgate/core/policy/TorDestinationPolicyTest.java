package dev.socksgate.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.DestinationPolicy;
import dev.socksgate.core.testing.Requests;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The policy's verdicts on their own; the bytes they lead to are in {@code
 * DestinationPolicyThroughServiceTest}.
 */
class TorDestinationPolicyTest {

  private static final TorDestinationPolicy TOR = TorDestinationPolicy.TOR_DEFAULTS;

  @Test
  void torDefaults() {
    assertEquals(new TorDestinationPolicy(true, true, false), TOR);
  }

  @Test
  void ordinaryDestinations_pass() {
    assertEquals(
        Optional.empty(), TOR.check(Requests.connect(Requests.name("example.com"), 443).build()));
    assertEquals(
        Optional.empty(), TOR.check(Requests.resolve(Requests.name("example.com")).build()));
    assertEquals(Optional.empty(), TOR.check(Requests.resolvePtr("8.8.8.8").build()));
    assertEquals(
        Optional.empty(),
        TOR.check(Requests.resolve(Requests.name("localhost")).build()),
        "ClientRejectInternalAddresses covers CONNECT only");
  }

  @Test
  void socks4ConnectToInternalIpv6Literal_isPrivateFirst_asInTor() {
    assertEquals(
        Optional.of(StreamFailure.PRIVATE_ADDRESS),
        TOR.check(
            Requests.connect(Requests.addr("::1"), 80).protocol(SocksProtocol.SOCKS4A).build()));
  }

  @Test
  void checkAnswer_dropsInternalAnswersOnlyUnderRejectInternalDns() {
    StreamRequest r = Requests.resolve(Requests.name("example.com")).build();
    Optional<StreamFailure> dropped = Optional.of(StreamFailure.RESOLVE_FAILED);
    assertEquals(dropped, TOR.checkAnswer(r, Requests.ip("10.0.0.1")));
    assertEquals(dropped, TOR.checkAnswer(r, Requests.ip("fe80::1")));
    assertEquals(Optional.empty(), TOR.checkAnswer(r, Requests.ip("93.184.216.34")));
    TorDestinationPolicy lax = new TorDestinationPolicy(true, false, false);
    assertEquals(Optional.empty(), lax.checkAnswer(r, Requests.ip("10.0.0.1")));
    StreamRequest connect = Requests.connect(Requests.name("example.com"), 80).build();
    assertEquals(dropped, TOR.checkAnswer(connect, Requests.ip("10.0.0.1")), "CONNECT too");
  }

  @Test
  void defaultAnswerChecks_keepEverything() {
    DestinationPolicy allowAll = request -> Optional.empty();
    StreamRequest r = Requests.resolve(Requests.name("example.com")).build();
    assertEquals(Optional.empty(), allowAll.checkAnswer(r, Requests.ip("127.0.0.1")));
    assertEquals(Optional.empty(), allowAll.checkReverseAnswer(r, "localhost"));
  }

  @Test
  void allOf_refusesWithTheFirstRefusal() {
    DestinationPolicy first = request -> Optional.of(StreamFailure.NOT_ALLOWED);
    DestinationPolicy both = DestinationPolicy.allOf(List.of(TOR, first));
    assertEquals(
        Optional.of(StreamFailure.NOT_ALLOWED),
        both.check(Requests.connect(Requests.name("example.com"), 80).build()));
    assertEquals(
        Optional.of(StreamFailure.INVALID_DESTINATION),
        both.check(Requests.connect(Requests.name("example.com"), 0).build()),
        "the first policy speaks first");
    StreamRequest r = Requests.resolve(Requests.name("example.com")).build();
    assertEquals(
        Optional.of(StreamFailure.RESOLVE_FAILED), both.checkAnswer(r, Requests.ip("10.0.0.1")));
    assertSame(TOR, DestinationPolicy.allOf(List.of(TOR)));
  }
}
