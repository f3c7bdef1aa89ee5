package dev.socksgate.core.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.socksgate.core.contract.IsolationPolicyContract;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.IsolationPolicy;
import dev.socksgate.core.testing.Requests;
import org.junit.jupiter.api.Test;

/**
 * Tor's isolation policy passes the port contract; its epoch works as NEWNYM. The per-flag and
 * per-credential cases run through the use case in {@code IsolationThroughServiceTest}.
 */
class TorIsolationPolicyTest extends IsolationPolicyContract {

  @Override
  protected IsolationPolicy policy() {
    return new TorIsolationPolicy();
  }

  @Test
  void newIdentity_advancesTheEpoch_andNewKeysDifferFromOld() {
    TorIsolationPolicy p = new TorIsolationPolicy();
    StreamRequest r = Requests.connect(Requests.name("example.com"), 443).build();
    IsolationKey before = p.keyFor(r);
    assertEquals(0, p.currentEpoch());
    assertEquals(1, p.newIdentity());
    IsolationKey after = p.keyFor(r);
    assertNotEquals(before, after);
    assertEquals(1, after.epoch());
    assertEquals(after, p.keyFor(r), "same epoch, same request: same key");
  }

  @Test
  void keyFor_carriesTheListenersSessionGroup() {
    StreamRequest r = Requests.connect(Requests.name("example.com"), 443).build();
    assertEquals(Requests.GROUP, new TorIsolationPolicy().keyFor(r).sessionGroup());
  }

  @Test
  void twoPolicies_sameEpoch_agree() {
    StreamRequest r = Requests.connect(Requests.name("example.com"), 443).build();
    assertEquals(new TorIsolationPolicy().keyFor(r), new TorIsolationPolicy().keyFor(r));
  }
}
