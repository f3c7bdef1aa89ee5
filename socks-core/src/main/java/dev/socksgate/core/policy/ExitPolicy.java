package dev.socksgate.core.policy;

import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.DestinationPolicy;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Tor's {@code ExitPolicy} syntax applied to the destinations clients ask for, with host-name
 * targets added ({@link PolicySyntax}). The rules are one ordered list and the first that matches
 * decides; a destination no rule matches is accepted.
 *
 * <p>How names and addresses meet in one list: a request is a name, an address, or (after a lookup)
 * both. A name rule matches the request's name; an address rule matches its address; the wildcard
 * {@code *} matches anything, so it decides for a name too. Before a lookup, the rules are walked
 * with the name alone: when a name rule or {@code *} decides before any other address rule is met,
 * that is the verdict, and a rejected name is never looked up. When an address rule is met first,
 * the name must be looked up, and then every answer is judged with the whole list ({@link
 * #checkAnswer}); only the accepted addresses are tried. A literal address is judged directly.
 *
 * <p>When names are not looked up here ({@code namesResolvedHere} false: an upstream SOCKS exit
 * resolves them), a name cannot meet address rules other than {@code *}: they are passed over, so
 * only name rules and {@code *} judge a name.
 *
 * <p>RESOLVE and RESOLVE_PTR obey the rules whose port is {@code *}: on the name asked for and on
 * every answer (for RESOLVE_PTR, the address asked for and the name returned). A refusal is {@link
 * StreamFailure#NOT_ALLOWED}: SOCKS5 {@code 02}, SOCKS4 {@code 5B}. Immutable and thread-safe.
 */
public final class ExitPolicy implements DestinationPolicy {

  private static final int ANY_PORT = -1;

  private enum Verdict {
    ACCEPT,
    REJECT,
    NEEDS_ADDRESS
  }

  private final List<PolicyRule> rules;
  private final boolean namesResolvedHere;

  private ExitPolicy(List<PolicyRule> rules, boolean namesResolvedHere) {
    this.rules = rules;
    this.namesResolvedHere = namesResolvedHere;
  }

  /**
   * Reads {@code --exit-policy} values.
   *
   * @param values option values in Tor's syntax, each a comma-separated list
   * @param namesResolvedHere true when the server looks names up itself (the direct exit); false
   *     when an upstream exit resolves them
   * @throws IllegalArgumentException naming the entry that does not parse
   */
  public static ExitPolicy parse(List<String> values, boolean namesResolvedHere) {
    return new ExitPolicy(PolicySyntax.parse(values, PolicySyntax.Kind.EXIT), namesResolvedHere);
  }

  /** The rules, in order. */
  public List<PolicyRule> rules() {
    return rules;
  }

  @Override
  public Optional<StreamFailure> check(StreamRequest request) {
    int port = request.command() == StreamCommand.CONNECT ? request.target().port() : ANY_PORT;
    Host host = request.target().host();
    Verdict v =
        host instanceof Host.Address a
            ? judge(Optional.empty(), Optional.of(a.address()), port)
            : judge(
                Optional.of(RuleTarget.Name.of(((Host.Name) host).name())), Optional.empty(), port);
    return refusedIf(v == Verdict.REJECT);
  }

  @Override
  public Optional<StreamFailure> checkAnswer(StreamRequest request, InetAddress answer) {
    int port = request.command() == StreamCommand.CONNECT ? request.target().port() : ANY_PORT;
    return refusedIf(judge(nameOf(request), Optional.of(answer), port) == Verdict.REJECT);
  }

  @Override
  public Optional<StreamFailure> checkReverseAnswer(StreamRequest request, String name) {
    Host host = request.target().host();
    Optional<InetAddress> address =
        host instanceof Host.Address a ? Optional.of(a.address()) : Optional.empty();
    return refusedIf(
        judge(Optional.of(RuleTarget.Name.of(name)), address, ANY_PORT) == Verdict.REJECT);
  }

  private Verdict judge(Optional<String> name, Optional<InetAddress> address, int port) {
    for (int i = 0; i < rules.size(); i++) {
      PolicyRule r = rules.get(i);
      if (port == ANY_PORT ? !r.ports().isAll() : !r.ports().contains(port)) {
        continue;
      }
      RuleTarget t = r.target();
      boolean matched;
      if (t instanceof RuleTarget.Name || t instanceof RuleTarget.Subdomains) {
        matched = name.isPresent() && t.matchesName(name.get());
      } else if (address.isPresent()) {
        matched = t.matches(address.get());
      } else if (t instanceof RuleTarget.AnyAddress any && any.family() == RuleTarget.Family.BOTH) {
        matched = true;
      } else if (namesResolvedHere) {
        return Verdict.NEEDS_ADDRESS;
      } else {
        matched = false;
      }
      if (matched) {
        return r.accept() ? Verdict.ACCEPT : Verdict.REJECT;
      }
    }
    return Verdict.ACCEPT;
  }

  private static Optional<String> nameOf(StreamRequest request) {
    return request.target().host() instanceof Host.Name n
        ? Optional.of(RuleTarget.Name.of(n.name()))
        : Optional.empty();
  }

  private static Optional<StreamFailure> refusedIf(boolean refused) {
    return refused ? Optional.of(StreamFailure.NOT_ALLOWED) : Optional.empty();
  }

  /** Equal when the rules and the resolving mode are (a reload compares configurations). */
  @Override
  public boolean equals(Object o) {
    return o instanceof ExitPolicy p
        && p.namesResolvedHere == namesResolvedHere
        && p.rules.equals(rules);
  }

  @Override
  public int hashCode() {
    return rules.hashCode() * 31 + Boolean.hashCode(namesResolvedHere);
  }

  @Override
  public String toString() {
    return rules.toString();
  }
}
