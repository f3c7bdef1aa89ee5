package dev.socksgate.app.bench;

/**
 * A latency histogram of bounded size (log-linear buckets, as HdrHistogram's): values below 256 are
 * exact; larger ones fall into buckets 1/128 of their power of two wide, so a percentile is off by
 * less than 1%. Recording allocates nothing; {@link #merge} combines shards.
 *
 * <p>Not thread-safe; one per generator thread.
 */
final class Histogram {

  private static final int EXACT = 256;
  private static final int SUB_BITS = 7;
  private static final int SUB = 1 << SUB_BITS;
  private static final int EXACT_BITS = 8;

  private final long[] counts = new long[EXACT + (64 - EXACT_BITS) * SUB];
  private long count;
  private long min = Long.MAX_VALUE;
  private long max;
  private long sum;

  /** Adds one value (negative values count as 0). */
  void record(long value) {
    long v = Math.max(0, value);
    counts[index(v)]++;
    count++;
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }

  /** Adds every value of {@code other}. */
  void merge(Histogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    count += other.count;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  long count() {
    return count;
  }

  double mean() {
    return count == 0 ? 0 : (double) sum / count;
  }

  long max() {
    return max;
  }

  /**
   * Returns the value at percentile {@code p} (0 &lt; p ≤ 100) by the nearest-rank method: the
   * smallest recorded value such that at least p% of the values are at or below it (exact below
   * 256, else the middle of its bucket, within the recorded minimum and maximum; the last rank is
   * the recorded maximum).
   */
  long percentile(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (count == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * count));
    if (rank >= count) {
      return max; // the last rank is the largest value, known exactly
    }
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.max(min, Math.min(max, valueOf(i)));
      }
    }
    return max;
  }

  static int index(long v) {
    if (v < EXACT) {
      return (int) v;
    }
    int exp = 63 - Long.numberOfLeadingZeros(v); // >= EXACT_BITS
    int sub = (int) (v >>> (exp - SUB_BITS)) & (SUB - 1);
    return EXACT + (exp - EXACT_BITS) * SUB + sub;
  }

  /** Returns the middle of bucket {@code i}. */
  static long valueOf(int i) {
    if (i < EXACT) {
      return i;
    }
    int exp = (i - EXACT) / SUB + EXACT_BITS;
    long sub = (long) (i - EXACT) % SUB;
    long width = 1L << (exp - SUB_BITS);
    return (1L << exp) + sub * width + width / 2;
  }
}
