package dev.socksgate.core.policy;

import dev.socksgate.core.port.ClientPolicy;
import java.net.InetAddress;
import java.util.List;

/**
 * Tor's {@code SocksPolicy}: which client addresses may use the server. The first rule that matches
 * the client's address decides; an address no rule matches is admitted (Tor's rule, so an allowlist
 * ends with {@code reject *}). Immutable and thread-safe.
 */
public final class SocksPolicy implements ClientPolicy {

  private final List<PolicyRule> rules;

  private SocksPolicy(List<PolicyRule> rules) {
    this.rules = rules;
  }

  /**
   * Reads {@code --socks-policy} values in Tor's syntax ({@link PolicySyntax}, client kind).
   *
   * @throws IllegalArgumentException naming the entry that does not parse
   */
  public static SocksPolicy parse(List<String> values) {
    return new SocksPolicy(PolicySyntax.parse(values, PolicySyntax.Kind.CLIENT));
  }

  /** The rules, in order. */
  public List<PolicyRule> rules() {
    return rules;
  }

  @Override
  public boolean admits(InetAddress client) {
    for (int i = 0; i < rules.size(); i++) {
      PolicyRule r = rules.get(i);
      if (r.target().matches(client)) {
        return r.accept();
      }
    }
    return true;
  }

  /** Equal when the rules are (a reload compares configurations). */
  @Override
  public boolean equals(Object o) {
    return o instanceof SocksPolicy p && p.rules.equals(rules);
  }

  @Override
  public int hashCode() {
    return rules.hashCode();
  }

  @Override
  public String toString() {
    return rules.toString();
  }
}
