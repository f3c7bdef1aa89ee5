package dev.socksgate.core.policy;

import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.port.DestinationPolicy;
import dev.socksgate.core.port.Resolver;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A resolver that drops the answers a {@link DestinationPolicy} does not allow. Give it to an exit
 * connector that resolves names itself, so that a public name pointing at an internal address (DNS
 * rebinding, a hostile zone) cannot reach what {@code rejectInternalAddresses} protects: the stream
 * then fails as a name with no usable address. Reverse lookups pass through unchanged.
 */
public final class AnswerFilteringResolver implements Resolver {

  private final Resolver delegate;
  private final DestinationPolicy policy;

  /** Filters the forward answers of {@code delegate} through {@code policy}. */
  public AnswerFilteringResolver(Resolver delegate, DestinationPolicy policy) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public CompletionStage<List<InetAddress>> resolve(String name, IsolationKey key) {
    return delegate
        .resolve(name, key)
        .thenApply(answers -> answers.stream().filter(policy::allowsAnswer).toList());
  }

  @Override
  public CompletionStage<Optional<String>> reverse(InetAddress address, IsolationKey key) {
    return delegate.reverse(address, key);
  }
}
