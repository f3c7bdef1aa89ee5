package dev.socksgate.core.session;

import static dev.socksgate.core.session.Outcomes.assertRefused;
import static dev.socksgate.core.session.Outcomes.now;
import static dev.socksgate.core.testing.Requests.addr;
import static dev.socksgate.core.testing.Requests.ip;
import static dev.socksgate.core.testing.Requests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.socksgate.core.fakes.FakeExit;
import dev.socksgate.core.fakes.MapResolver;
import dev.socksgate.core.fakes.RecordingExitConnector;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.policy.ExitPolicy;
import dev.socksgate.core.policy.TorDestinationPolicy;
import dev.socksgate.core.port.DestinationPolicy;
import dev.socksgate.core.testing.Requests;
import dev.socksgate.core.testing.Vectors;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code --exit-policy} through the use case, with fakes: what reaches the resolver and the exit,
 * and the reply bytes for each protocol.
 */
class ExitPolicyThroughServiceTest {

  private final MapResolver resolver =
      new MapResolver()
          .name("mixed.example", ip("10.0.0.5"), ip("93.184.216.34"))
          .name("inside.example", ip("10.0.0.6"))
          .name("ok.example", ip("93.184.216.34"))
          .ptr(ip("93.184.216.34"), "blocked.example")
          .ptr(ip("93.184.216.35"), "fine.example");
  private final RecordingExitConnector exits = new RecordingExitConnector();

  private StreamOutcome<FakeExit> open(ExitPolicy policy, StreamRequest r) {
    DestinationPolicy all =
        DestinationPolicy.allOf(List.of(new TorDestinationPolicy(false, false, false), policy));
    return now(
        new StreamService<>(resolver, exits, new TorIsolationPolicy(), all)
            .open(r, ByteBuffer.allocate(0)));
  }

  private static ExitPolicy policy(String text) {
    return ExitPolicy.parse(List.of(text), true);
  }

  @Test
  void rejectedName_neverReachesTheResolverOrTheExit_socks5Rep02() {
    ExitPolicy p = policy("reject *.example.com,reject smtp.example:25");
    assertRefused(
        StreamFailure.NOT_ALLOWED,
        Vectors.err(2),
        open(p, Requests.connect(name("www.example.com"), 443).build()));
    assertRefused(
        StreamFailure.NOT_ALLOWED,
        Vectors.err(2),
        open(p, Requests.connect(name("smtp.example."), 25).build()));
    assertRefused(
        StreamFailure.NOT_ALLOWED,
        Vectors.RESOLVE_FAILED,
        open(p, Requests.resolve(name("www.example.com")).build()));
    assertEquals(List.of(), resolver.lookups());
    assertEquals(List.of(), exits.calls());
    assertInstanceOf(
        StreamOutcome.Relay.class, open(p, Requests.connect(name("smtp.example"), 587).build()));
  }

  @Test
  void socks4AndSocks4a_get5B() {
    ExitPolicy p = policy("reject *:25");
    for (SocksProtocol proto : List.of(SocksProtocol.SOCKS4, SocksProtocol.SOCKS4A)) {
      assertRefused(
          StreamFailure.NOT_ALLOWED,
          Vectors.S4REJ,
          open(p, Requests.connect(addr("192.0.2.7"), 25).protocol(proto).build()));
    }
    assertRefused(
        StreamFailure.NOT_ALLOWED,
        Vectors.S4REJ,
        open(
            p, Requests.connect(name("mail.example"), 25).protocol(SocksProtocol.SOCKS4A).build()));
    assertEquals(List.of(), exits.calls());
  }

  @Test
  void literalAddress_judgedDirectly_firstMatchWins() {
    ExitPolicy p = policy("accept 169.254.169.1,reject 169.254.0.0/16,accept *:*");
    assertInstanceOf(
        StreamOutcome.Relay.class, open(p, Requests.connect(addr("169.254.169.1"), 80).build()));
    assertRefused(
        StreamFailure.NOT_ALLOWED,
        Vectors.err(2),
        open(p, Requests.connect(addr("169.254.169.254"), 80).build()));
    assertEquals(1, exits.calls().size());
  }

  @Test
  void nameBehindAnAddressRule_goesToTheExit_whichJudgesEachAnswer() {
    // The direct exit resolves names itself and asks checkAnswer for each address.
    ExitPolicy p = policy("reject 10.0.0.0/8:*");
    StreamRequest r = Requests.connect(name("mixed.example"), 80).build();
    assertInstanceOf(StreamOutcome.Relay.class, open(p, r));
    assertEquals(Optional.of(StreamFailure.NOT_ALLOWED), p.checkAnswer(r, ip("10.0.0.5")));
    assertEquals(Optional.empty(), p.checkAnswer(r, ip("93.184.216.34")));
  }

  @Test
  void resolve_filtersAnswers_byRulesWithPortStar() {
    ExitPolicy p = policy("reject 10.0.0.0/8:*,reject 93.184.216.34:443");
    // 10.0.0.5 dropped; the port-443 rule does not apply to RESOLVE.
    Outcomes.assertAnswered(
        "05 00 00 01 5db8d822 0000", open(p, Requests.resolve(name("mixed.example")).build()));
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.RESOLVE_FAILED,
        open(p, Requests.resolve(name("inside.example")).build()));
  }

  @Test
  void resolvePtr_judgesTheAddressAndTheAnswer() {
    ExitPolicy p = policy("reject blocked.example,reject 192.0.2.0/24");
    assertRefused(
        StreamFailure.NOT_ALLOWED,
        Vectors.RESOLVE_FAILED,
        open(p, Requests.resolvePtr("192.0.2.1").build()));
    assertRefused(
        StreamFailure.RESOLVE_FAILED,
        Vectors.RESOLVE_FAILED,
        open(p, Requests.resolvePtr("93.184.216.34").build()));
    assertInstanceOf(
        StreamOutcome.Answered.class, open(p, Requests.resolvePtr("93.184.216.35").build()));
  }

  @Test
  void allowlistByName_endsWithRejectStar() {
    ExitPolicy p = policy("accept ok.example:443,accept *.ok.example:443,reject *:*");
    assertInstanceOf(
        StreamOutcome.Relay.class, open(p, Requests.connect(name("ok.example"), 443).build()));
    assertInstanceOf(
        StreamOutcome.Relay.class, open(p, Requests.connect(name("a.ok.example"), 443).build()));
    assertRefused(
        StreamFailure.NOT_ALLOWED,
        Vectors.err(2),
        open(p, Requests.connect(name("ok.example"), 80).build()));
    StreamRequest allowed = Requests.connect(name("ok.example"), 443).build();
    assertEquals(Optional.empty(), p.checkAnswer(allowed, ip("10.0.0.1")), "the name decided");
    assertEquals(List.of(), resolver.lookups());
  }

  @Test
  void withoutLocalLookups_addressRulesPassOverNames() {
    ExitPolicy upstream = ExitPolicy.parse(List.of("reject 10.0.0.0/8,reject bad.example"), false);
    ExitPolicy direct = ExitPolicy.parse(List.of("reject 10.0.0.0/8,reject bad.example"), true);
    StreamRequest bad = Requests.connect(name("bad.example"), 80).build();
    assertEquals(Optional.of(StreamFailure.NOT_ALLOWED), upstream.check(bad));
    assertEquals(Optional.empty(), direct.check(bad), "direct: decided after the lookup");
    assertEquals(Optional.of(StreamFailure.NOT_ALLOWED), direct.checkAnswer(bad, ip("1.2.3.4")));
    assertEquals(
        Optional.of(StreamFailure.NOT_ALLOWED),
        upstream.check(Requests.connect(addr("10.1.1.1"), 80).build()));
  }
}
