package dev.socksgate.core.fakes;

import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.ExitResult;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An {@link ExitConnector} that breaks its contract in one of the ways of {@link Breakage}, to
 * prove that the use case turns every such bug into a GENERAL failure reply.
 *
 * @param <E> the handle type it would have returned
 */
public final class BrokenExitConnector<E> implements ExitConnector<E> {

  private final Breakage breakage;

  /** Breaks every call in this way. */
  public BrokenExitConnector(Breakage breakage) {
    this.breakage = Objects.requireNonNull(breakage);
  }

  @Override
  public CompletionStage<ExitResult<E>> connect(
      StreamRequest request, IsolationKey key, ByteBuffer earlyData) {
    return switch (breakage) {
      case THROWS -> throw new IllegalStateException("connector bug");
      case FAILS_STAGE -> CompletableFuture.failedFuture(new IllegalStateException("no route"));
      case NULL_STAGE -> null;
      case NULL_RESULT -> CompletableFuture.completedFuture(null);
    };
  }
}
