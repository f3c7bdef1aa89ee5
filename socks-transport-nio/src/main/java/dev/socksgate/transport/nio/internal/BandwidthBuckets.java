package dev.socksgate.transport.nio.internal;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The token buckets of {@code --bandwidth-rate} / {@code --bandwidth-burst}: one per user (the RFC
 * 1929 username when authentication is required, else the client's address), shared by all that
 * user's relays on every loop; both directions of a relay take from it.
 *
 * <p>Bounded: a bucket exists only while a relay uses it ({@link #acquire(String)} / {@link
 * #release(TokenBucket)} count its users; the last release forgets it), so the table holds at most
 * one entry per live relay, and relays are capped by {@code maxConnections}. A user who comes back
 * after all their relays closed starts with a full bucket.
 *
 * <p>The limits are swappable ({@link #limits(long, long)}) for a reload: buckets read them on
 * every refill, so a change applies to existing relays from their next read. Rate 0 turns the limit
 * off: {@link #acquire(String)} then gives no bucket, and relays have no per-read cost.
 */
public final class BandwidthBuckets {

  /**
   * A rate and a burst, in bytes per second and bytes.
   *
   * @param rate bytes per second, 0 for no limit
   * @param burst the bucket size in bytes; at least 1 when the rate is not 0
   */
  public record Limits(long rate, long burst) {
    /** No limit. */
    public static final Limits OFF = new Limits(0, 0);

    /** Validates the values. */
    public Limits {
      if (rate < 0 || burst < 0 || (rate > 0 && burst < 1)) {
        throw new IllegalArgumentException("bandwidth rate and burst must be >= 0, burst >= 1");
      }
    }
  }

  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private volatile Limits limits;

  /**
   * Creates the table.
   *
   * @param clock a monotonic nanosecond clock shared by every loop ({@code System::nanoTime})
   */
  public BandwidthBuckets(Limits limits, LongSupplier clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** Returns the current limits. */
  public Limits limits() {
    return limits;
  }

  /** Replaces the limits (reload); existing buckets use them from their next refill. */
  public void limits(long rate, long burst) {
    this.limits = new Limits(rate, burst);
  }

  long nanoTime() {
    return clock.getAsLong();
  }

  /** Returns the number of buckets in use. */
  public int size() {
    return buckets.size();
  }

  /**
   * Returns {@code user}'s bucket, created full if no relay uses it yet, and counts one more user;
   * empty when the limit is off. Every bucket returned must be {@link #release released} once.
   */
  Optional<TokenBucket> acquire(String user) {
    if (limits.rate() == 0) {
      return Optional.empty();
    }
    long now = clock.getAsLong();
    return Optional.of(
        buckets.compute(
            user,
            (k, b) -> {
              TokenBucket t = b == null ? new TokenBucket(this, k, now) : b;
              t.users++;
              return t;
            }));
  }

  /** Counts one user less of {@code bucket}; the last one forgets it. */
  void release(TokenBucket bucket) {
    buckets.computeIfPresent(bucket.user, (k, b) -> b != bucket ? b : (--b.users == 0 ? null : b));
  }
}
