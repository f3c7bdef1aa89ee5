package dev.socksgate.core.fakes;

import dev.socksgate.core.port.TimeSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link TimeSource} that moves only when told to. Thread-safe. */
public final class FakeClock implements TimeSource {

  private final AtomicLong now;

  /** Starts at {@code startNanos} (any value: monotonic clocks have no fixed origin). */
  public FakeClock(long startNanos) {
    this.now = new AtomicLong(startNanos);
  }

  @Override
  public long nanoTime() {
    return now.get();
  }

  /** Moves the clock forward by {@code nanos}. */
  public void advanceNanos(long nanos) {
    now.addAndGet(nanos);
  }

  /** Moves the clock forward by {@code d}. */
  public void advance(Duration d) {
    advanceNanos(d.toNanos());
  }
}
