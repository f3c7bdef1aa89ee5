package dev.socksgate.transport.nio.internal;

/**
 * One user's token bucket (bytes): refilled lazily from a monotonic clock at the rate of its {@link
 * BandwidthBuckets}, capped at their burst. Every relay of the user takes from it, on any loop, so
 * it is thread-safe; the lock is held for a few arithmetic operations only.
 *
 * <p>Tokens are taken before a read ({@link #take(long)}: at most what the bucket holds, which caps
 * the read) and what the read did not use is given back ({@link #refund(long)}). A direction that
 * gets none suspends its reads until {@link #nanosUntil(long)} has passed.
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1e9;

  private final BandwidthBuckets owner;
  final String user;
  private long tokens;
  private long refilledAt;
  int users; // guarded by the owner's table (ConcurrentHashMap.compute)

  TokenBucket(BandwidthBuckets owner, String user, long nowNanos) {
    this.owner = owner;
    this.user = user;
    this.tokens = owner.limits().burst();
    this.refilledAt = nowNanos;
  }

  /**
   * Takes up to {@code max} tokens; returns how many were taken (0 when the bucket is empty). With
   * the limit turned off at run time (rate 0), grants {@code max}.
   */
  synchronized long take(long max) {
    BandwidthBuckets.Limits l = owner.limits();
    if (l.rate() == 0) {
      return max;
    }
    refill(l, owner.nanoTime());
    long n = Math.min(max, tokens);
    tokens -= n;
    return n;
  }

  /** Gives back tokens taken but not used (a read that returned fewer bytes than granted). */
  synchronized void refund(long unused) {
    if (unused > 0) {
      tokens = Math.min(owner.limits().burst(), tokens + unused);
    }
  }

  /** Returns the tokens now in the bucket, after a refill. */
  synchronized long available() {
    BandwidthBuckets.Limits l = owner.limits();
    if (l.rate() != 0) {
      refill(l, owner.nanoTime());
    }
    return tokens;
  }

  /**
   * Returns how many nanoseconds from now until the bucket holds {@code n} tokens (0 if it does;
   * {@code n} is capped at the burst, so the answer is finite).
   */
  synchronized long nanosUntil(long n) {
    BandwidthBuckets.Limits l = owner.limits();
    if (l.rate() == 0) {
      return 0;
    }
    refill(l, owner.nanoTime());
    long want = Math.min(n, l.burst());
    if (tokens >= want) {
      return 0;
    }
    return (long) Math.ceil((want - tokens) * NANOS_PER_SECOND / l.rate());
  }

  private void refill(BandwidthBuckets.Limits l, long now) {
    long elapsed = now - refilledAt;
    if (tokens >= l.burst()) {
      tokens = l.burst(); // a burst lowered at run time takes effect here
      refilledAt = now;
      return;
    }
    if (elapsed <= 0) {
      return;
    }
    long added = (long) (elapsed * (l.rate() / NANOS_PER_SECOND));
    if (added <= 0) {
      return; // not a whole token yet: keep refilledAt so the fraction is not lost
    }
    if (tokens + added >= l.burst()) {
      tokens = l.burst();
      refilledAt = now;
    } else {
      tokens += added;
      // Advance by the time those tokens took, not to now: the remainder counts next time.
      refilledAt += Math.min(elapsed, (long) Math.ceil(added * NANOS_PER_SECOND / l.rate()));
    }
  }
}
