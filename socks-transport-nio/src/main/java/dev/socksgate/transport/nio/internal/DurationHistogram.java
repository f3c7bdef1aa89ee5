package dev.socksgate.transport.nio.internal;

import dev.socksgate.transport.nio.TransportStats;
import java.util.ArrayList;
import java.util.List;

/**
 * One loop's share of a duration histogram with the fixed buckets of {@link
 * TransportStats#BUCKET_BOUNDS_NANOS}: a count per bucket (not cumulative; the last is +Inf) and
 * the sum of the observed nanoseconds. Merged over the loops at scrape time.
 *
 * <p>Writer: the owning loop thread only. Readers: any thread.
 */
final class DurationHistogram {

  private static final long[] BOUNDS =
      TransportStats.BUCKET_BOUNDS_NANOS.stream().mapToLong(Long::longValue).toArray();
  private static final int SUM = BOUNDS.length + 1;

  private final StatCells cells = new StatCells(BOUNDS.length + 2);

  /** Records one duration; a negative one (a clock step) counts as zero. Owning thread only. */
  void observe(long nanos) {
    long n = Math.max(0, nanos);
    int i = 0;
    while (i < BOUNDS.length && n > BOUNDS[i]) {
      i++;
    }
    cells.increment(i);
    cells.add(SUM, n);
  }

  /** Returns the sum of these loops' histograms. Any thread. */
  static TransportStats.Histogram merge(List<DurationHistogram> parts) {
    long[] counts = new long[BOUNDS.length + 1];
    long sum = 0;
    for (DurationHistogram h : parts) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += h.cells.get(i);
      }
      sum += h.cells.get(SUM);
    }
    List<Long> list = new ArrayList<>(counts.length);
    for (long c : counts) {
      list.add(c);
    }
    return new TransportStats.Histogram(list, sum);
  }
}
