package dev.socksgate.core.policy;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Live connections per key (a client address prefix, a username) against a limit that may change at
 * run time. Sans-IO and thread-safe: admissions and releases may come from different threads.
 *
 * <p>Every admission is counted, also while the limit is 0 (off), so that a limit switched on at
 * run time sees the connections already open, and a release always matches an admission. The table
 * holds only keys with live connections: an entry is removed when its count drops to 0, so the
 * table is bounded by the number of open connections (itself bounded by the connection cap).
 *
 * @param <K> the key type; needs value equality
 */
public final class ConnectionLimit<K> {

  private final ConcurrentHashMap<K, Integer> counts = new ConcurrentHashMap<>();
  private volatile int limit;

  /**
   * Creates a counter.
   *
   * @param limit the most live connections per key; 0 for no limit
   */
  public ConnectionLimit(int limit) {
    setLimit(limit);
  }

  /**
   * Changes the limit; applies to admissions from now on (connections already open are kept).
   *
   * @param limit the most live connections per key; 0 for no limit
   * @throws IllegalArgumentException if negative
   */
  public void setLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 (off) or positive: " + limit);
    }
    this.limit = limit;
  }

  /** Returns the current limit; 0 means off. */
  public int limit() {
    return limit;
  }

  /**
   * Counts one more connection for {@code key} unless that would exceed the limit.
   *
   * @return true if admitted (and counted): call {@link #release} once when it closes
   */
  public boolean tryAcquire(K key) {
    int max = limit;
    boolean[] admitted = {false};
    counts.compute(
        key,
        (k, n) -> {
          int c = n == null ? 0 : n;
          if (max > 0 && c >= max) {
            return n;
          }
          admitted[0] = true;
          return c + 1;
        });
    return admitted[0];
  }

  /** Gives back one admission of {@code key}; the entry goes when its count reaches 0. */
  public void release(K key) {
    counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** Returns the live connections of {@code key}. */
  public int count(K key) {
    return counts.getOrDefault(key, 0);
  }

  /** Returns the number of keys with live connections (the size of the table). */
  public int keys() {
    return counts.size();
  }
}
