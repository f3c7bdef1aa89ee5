package dev.socksgate.app.auth;

import dev.socksgate.core.policy.AddressKey;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Remembers wrong passwords per client address and how long the next attempt from it must wait:
 * nothing for the first {@value #FREE_FAILURES} failures, then {@link #BASE_DELAY_NANOS} doubling
 * with each further failure up to {@link #MAX_DELAY_NANOS}, counted from the latest failure. An
 * address without a failure for {@link #FORGET_AFTER_NANOS} is forgotten; at most {@value
 * #TABLE_SIZE} addresses are remembered, the least recently seen going first.
 *
 * <p>A right password does not wipe the count: someone holding one valid account could otherwise
 * interleave it with guesses at others and never be slowed down. The count fades on its own.
 *
 * <p>Sans-IO: times are {@link System#nanoTime()}-style values passed in. Not thread-safe; {@link
 * FairVerifier} calls it under its lock.
 */
final class FailureBackOff {

  /** Failures from one address before its attempts are delayed: a few typing mistakes are free. */
  static final int FREE_FAILURES = 5;

  /** The delay after the first failure past the free ones. */
  static final long BASE_DELAY_NANOS = 1_000_000_000L;

  /**
   * The longest delay. With at most {@link VerificationScheduler#PER_ADDRESS_LIMIT} attempts
   * waiting per address and one at a time running while delayed, the last of them waits about 4 ×
   * 30 s, inside the default SocksTimeout of 2 minutes.
   */
  static final long MAX_DELAY_NANOS = 30_000_000_000L;

  /** How long an address is remembered after its latest failure. */
  static final long FORGET_AFTER_NANOS = 10 * 60 * 1_000_000_000L;

  /** Most addresses remembered. */
  static final int TABLE_SIZE = 4096;

  private static final class Entry {
    int failures;
    long lastFailure;
  }

  private final int tableSize;
  private final LinkedHashMap<AddressKey, Entry> table;

  FailureBackOff() {
    this(TABLE_SIZE);
  }

  FailureBackOff(int tableSize) {
    if (tableSize < 1) {
      throw new IllegalArgumentException("table size must be positive: " + tableSize);
    }
    this.tableSize = tableSize;
    this.table =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<AddressKey, Entry> eldest) {
            return size() > FailureBackOff.this.tableSize;
          }
        };
  }

  /** Returns the delay in force after {@code failures} failures: 0 for the free ones. */
  static long delayAfter(int failures) {
    if (failures < FREE_FAILURES) {
      return 0;
    }
    int doublings = failures - FREE_FAILURES;
    if (doublings >= 62 || BASE_DELAY_NANOS << doublings >= MAX_DELAY_NANOS) {
      return MAX_DELAY_NANOS;
    }
    return BASE_DELAY_NANOS << doublings;
  }

  /**
   * Returns the time before which {@code key}'s next attempt must not run, or empty when it is not
   * being slowed down (fewer failures than the free ones, or forgotten).
   */
  OptionalLong notBefore(AddressKey key, long now) {
    Entry e = table.get(key);
    if (e == null) {
      return OptionalLong.empty();
    }
    if (now - e.lastFailure >= FORGET_AFTER_NANOS) {
      table.remove(key);
      return OptionalLong.empty();
    }
    long delay = delayAfter(e.failures);
    return delay == 0 ? OptionalLong.empty() : OptionalLong.of(e.lastFailure + delay);
  }

  /**
   * Records a wrong password from {@code key}; returns the delay its next attempt now waits (0
   * while within the free failures).
   */
  long failed(AddressKey key, long now) {
    forgetExpired(now);
    Entry e = table.get(key);
    if (e == null || now - e.lastFailure >= FORGET_AFTER_NANOS) {
      e = new Entry();
      table.put(key, e);
    }
    if (e.failures < Integer.MAX_VALUE) {
      e.failures++;
    }
    e.lastFailure = now;
    return delayAfter(e.failures);
  }

  /** Returns how many addresses are remembered now. */
  int size() {
    return table.size();
  }

  // Entries are in access order, so the stale ones gather at the head; dropping them there keeps
  // the table small without a sweep over all of it.
  private void forgetExpired(long now) {
    Iterator<Entry> it = table.values().iterator();
    while (it.hasNext()) {
      if (now - it.next().lastFailure < FORGET_AFTER_NANOS) {
        return;
      }
      it.remove();
    }
  }
}
