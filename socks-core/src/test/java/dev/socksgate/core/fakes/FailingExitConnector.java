package dev.socksgate.core.fakes;

import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.ExitResult;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link ExitConnector} whose every connection fails with one {@link StreamFailure}, as a real
 * connector reports a refused, unreachable or timed-out target. Counts its calls. Thread-safe.
 *
 * @param <E> the handle type it would have returned
 */
public final class FailingExitConnector<E> implements ExitConnector<E> {

  private final StreamFailure failure;
  private final AtomicInteger calls = new AtomicInteger();

  /** Fails every connection with {@code failure}. */
  public FailingExitConnector(StreamFailure failure) {
    this.failure = Objects.requireNonNull(failure);
  }

  @Override
  public CompletionStage<ExitResult<E>> connect(
      StreamRequest request, IsolationKey key, ByteBuffer earlyData) {
    calls.incrementAndGet();
    return CompletableFuture.completedFuture(new ExitResult.Failed<>(failure));
  }

  /** Returns how many connections were asked for. */
  public int calls() {
    return calls.get();
  }
}
