package dev.socksgate.core.policy;

import java.util.Objects;

/**
 * One {@code accept} or {@code reject} line of a policy.
 *
 * @param accept true for {@code accept}, false for {@code reject}
 * @param target the addresses or names it matches
 * @param ports the destination ports it matches ({@link PortRange#ALL} in a client policy)
 */
public record PolicyRule(boolean accept, RuleTarget target, PortRange ports) {

  /** Checks that no component is null. */
  public PolicyRule {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(ports, "ports");
  }

  /** The rule in the policy syntax, as {@link PolicySyntax} reads it. */
  @Override
  public String toString() {
    return (accept ? "accept " : "reject ") + target + ":" + ports;
  }
}
