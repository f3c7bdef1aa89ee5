package dev.socksgate.app.logging;

import dev.socksgate.core.port.TimeSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one log line through per interval for an event that may come in floods (a scan refused by
 * {@code --socks-policy}, say), and counts the events folded into each line so none goes unseen.
 * The first event is logged at once. Thread-safe; the clock comes in through {@link TimeSource}.
 */
public final class LogThrottle {

  private final TimeSource time;
  private final long intervalNanos;
  private final AtomicLong last;
  private final AtomicLong pending = new AtomicLong();

  /**
   * Creates the throttle.
   *
   * @param time the clock
   * @param intervalNanos the least time between two lines, positive
   */
  public LogThrottle(TimeSource time, long intervalNanos) {
    this.time = Objects.requireNonNull(time, "time");
    if (intervalNanos <= 0) {
      throw new IllegalArgumentException("interval must be positive: " + intervalNanos);
    }
    this.intervalNanos = intervalNanos;
    this.last = new AtomicLong(time.nanoTime() - intervalNanos);
  }

  /**
   * Records one event. Returns how many events the line to log now stands for (this one and those
   * held back since the last line), or 0 when this event is held back.
   */
  public long record() {
    pending.incrementAndGet();
    long now = time.nanoTime();
    long prev = last.get();
    if (now - prev >= intervalNanos && last.compareAndSet(prev, now)) {
      return pending.getAndSet(0);
    }
    return 0;
  }
}
