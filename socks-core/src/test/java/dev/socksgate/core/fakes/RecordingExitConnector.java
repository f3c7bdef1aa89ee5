package dev.socksgate.core.fakes;

import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.model.Target;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.ExitResult;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link ExitConnector} that records every call (request, isolation key, early data) and opens a
 * {@link FakeExit}, except to targets it was told to refuse, which fail with {@link
 * StreamFailure#CONNECTION_REFUSED}. It drains the early-data buffer as a real connector would.
 * Completes at once, on the calling thread. Thread-safe.
 */
public final class RecordingExitConnector implements ExitConnector<FakeExit> {

  /**
   * One recorded call.
   *
   * @param request the request
   * @param key the isolation key
   * @param earlyData a copy of the early data
   */
  public record Call(StreamRequest request, IsolationKey key, byte[] earlyData) {
    /** Returns a copy of the early data. */
    @Override
    public byte[] earlyData() {
      return earlyData.clone();
    }
  }

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Set<Target> refused = ConcurrentHashMap.newKeySet();

  /** Makes every later connection to {@code target} fail with CONNECTION_REFUSED. */
  public RecordingExitConnector refusing(Target target) {
    refused.add(target);
    return this;
  }

  @Override
  public CompletionStage<ExitResult<FakeExit>> connect(
      StreamRequest request, IsolationKey key, ByteBuffer earlyData) {
    byte[] early = new byte[earlyData.remaining()];
    earlyData.get(early);
    calls.add(new Call(request, key, early));
    Target target = request.target();
    ExitResult<FakeExit> result =
        refused.contains(target)
            ? new ExitResult.Failed<>(StreamFailure.CONNECTION_REFUSED)
            : new ExitResult.Connected<>(new FakeExit(calls.size(), target, key, early));
    return CompletableFuture.completedFuture(result);
  }

  /** Returns every call so far, in order. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Returns the only call so far; fails if there were none or several. */
  public Call onlyCall() {
    if (calls.size() != 1) {
      throw new AssertionError("expected exactly one connect, got " + calls.size());
    }
    return calls.get(0);
  }
}
