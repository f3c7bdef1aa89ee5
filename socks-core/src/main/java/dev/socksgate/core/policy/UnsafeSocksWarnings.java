package dev.socksgate.core.policy;

import dev.socksgate.core.port.TimeSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides when to log Tor's "the application gave only an IP address" warning (Tor reference §14
 * (docs/tor-reference.md)): at most once per {@link #INTERVAL_NANOS}, or every time when SafeSocks
 * or TestSocks is on. Thread-safe; the clock comes in through {@link TimeSource}.
 */
public final class UnsafeSocksWarnings {

  /** The minimum time between two warnings when neither SafeSocks nor TestSocks is on: 5 s. */
  public static final long INTERVAL_NANOS = 5_000_000_000L;

  private final TimeSource time;
  private final boolean always;
  private final AtomicLong last;

  /**
   * Creates the limiter.
   *
   * @param time the clock
   * @param always warn on every unsafe request (SafeSocks or TestSocks is on)
   */
  public UnsafeSocksWarnings(TimeSource time, boolean always) {
    this.time = Objects.requireNonNull(time, "time");
    this.always = always;
    this.last = new AtomicLong(time.nanoTime() - INTERVAL_NANOS);
  }

  /** Returns true if this unsafe request should be logged now. */
  public boolean shouldWarn() {
    if (always) {
      return true;
    }
    long now = time.nanoTime();
    long prev = last.get();
    return now - prev >= INTERVAL_NANOS && last.compareAndSet(prev, now);
  }
}
