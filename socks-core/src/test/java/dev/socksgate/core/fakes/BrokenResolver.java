package dev.socksgate.core.fakes;

import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.port.Resolver;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A {@link Resolver} that breaks its contract in one of the ways of {@link Breakage}. */
public final class BrokenResolver implements Resolver {

  private final Breakage breakage;

  /** Breaks every call in this way. */
  public BrokenResolver(Breakage breakage) {
    this.breakage = Objects.requireNonNull(breakage);
  }

  @Override
  public CompletionStage<List<InetAddress>> resolve(String name, IsolationKey key) {
    return broken();
  }

  @Override
  public CompletionStage<Optional<String>> reverse(InetAddress address, IsolationKey key) {
    return broken();
  }

  private <T> CompletionStage<T> broken() {
    return switch (breakage) {
      case THROWS -> throw new IllegalStateException("resolver bug");
      case FAILS_STAGE -> CompletableFuture.failedFuture(new IllegalStateException("SERVFAIL"));
      case NULL_STAGE -> null;
      case NULL_RESULT -> CompletableFuture.completedFuture(null);
    };
  }
}
