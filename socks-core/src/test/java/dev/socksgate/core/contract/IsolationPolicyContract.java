package dev.socksgate.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.model.Target;
import dev.socksgate.core.port.IsolationPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IsolationPolicy} must do: equal requests get equal keys; listeners in different
 * session groups never share; a key never prints a secret.
 */
public abstract class IsolationPolicyContract {

  /** Returns the policy under test. */
  protected abstract IsolationPolicy policy();

  /** Returns a SOCKS5 CONNECT request with a password, through a listener in {@code group}. */
  protected static StreamRequest request(int group, String password) throws Exception {
    ClientInfo client =
        new ClientInfo(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 9}), 40000),
            ListenerSettings.torDefaults(group));
    Credentials creds =
        new Credentials.UsernamePassword(
            "alice".getBytes(StandardCharsets.US_ASCII),
            password.getBytes(StandardCharsets.US_ASCII));
    return new StreamRequest(
        StreamCommand.CONNECT,
        new Target(new Host.Name("example.com"), 443),
        creds,
        SocksProtocol.SOCKS5,
        client,
        true);
  }

  @Test
  void keyFor_equalRequests_equalKeys() throws Exception {
    IsolationPolicy p = policy();
    IsolationKey a = p.keyFor(request(7, "s3cret-pw"));
    IsolationKey b = p.keyFor(request(7, "s3cret-pw"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void keyFor_differentSessionGroups_differentKeys() throws Exception {
    IsolationPolicy p = policy();
    assertNotEquals(p.keyFor(request(1, "pw")), p.keyFor(request(2, "pw")));
  }

  @Test
  void toString_showsNoSecret() throws Exception {
    String shown = policy().keyFor(request(3, "s3cret-pw")).toString();
    assertFalse(shown.contains("s3cret-pw"), shown);
    assertFalse(shown.contains("alice"), shown);
    assertFalse(shown.contains("127.0.0.9"), shown);
    assertFalse(shown.contains("example.com"), shown);
  }
}
