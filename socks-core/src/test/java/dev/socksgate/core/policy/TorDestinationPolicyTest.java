package dev.socksgate.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.port.DestinationPolicy;
import dev.socksgate.core.testing.Requests;
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
  void allowsAnswer_dropsInternalAnswersOnlyUnderRejectInternalDns() {
    assertFalse(TOR.allowsAnswer(Requests.ip("10.0.0.1")));
    assertFalse(TOR.allowsAnswer(Requests.ip("fe80::1")));
    assertTrue(TOR.allowsAnswer(Requests.ip("93.184.216.34")));
    TorDestinationPolicy lax = new TorDestinationPolicy(true, false, false);
    assertTrue(lax.allowsAnswer(Requests.ip("10.0.0.1")));
  }

  @Test
  void defaultAnswerFilter_keepsEverything() {
    DestinationPolicy allowAll = request -> Optional.empty();
    assertTrue(allowAll.allowsAnswer(Requests.ip("127.0.0.1")));
  }
}
