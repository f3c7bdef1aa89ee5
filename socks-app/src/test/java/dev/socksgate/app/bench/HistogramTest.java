package dev.socksgate.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void percentiles_ofOneToHundred_areExactNearestRanks() {
    Histogram h = new Histogram();
    for (int v = 100; v >= 1; v--) {
      h.record(v);
    }
    assertEquals(100, h.count());
    assertEquals(50, h.percentile(50));
    assertEquals(99, h.percentile(99));
    assertEquals(100, h.percentile(99.9));
    assertEquals(1, h.percentile(0.5));
    assertEquals(100, h.percentile(100));
    assertEquals(50.5, h.mean(), 1e-9);
  }

  @Test
  void percentiles_ofLargeValues_areWithinOnePercent() {
    Histogram h = new Histogram();
    for (long v = 1; v <= 10_000; v++) {
      h.record(v * 1_000); // 1 µs to 10 ms, in nanoseconds
    }
    assertWithinOnePercent(5_000_000, h.percentile(50));
    assertWithinOnePercent(9_900_000, h.percentile(99));
    assertWithinOnePercent(9_990_000, h.percentile(99.9));
    assertEquals(10_000_000, h.percentile(100)); // clamped to the recorded maximum
  }

  @Test
  void skewedSamples_p50AndTail() {
    Histogram h = new Histogram();
    for (int i = 0; i < 990; i++) {
      h.record(10);
    }
    for (int i = 0; i < 10; i++) {
      h.record(200);
    }
    assertEquals(10, h.percentile(50));
    assertEquals(10, h.percentile(99));
    assertEquals(200, h.percentile(99.1));
  }

  @Test
  void merge_addsCountsAndExtremes() {
    Histogram a = new Histogram();
    Histogram b = new Histogram();
    a.record(1);
    a.record(2);
    b.record(3);
    b.record(4);
    a.merge(b);
    assertEquals(4, a.count());
    assertEquals(2, a.percentile(50));
    assertEquals(4, a.max());
  }

  @Test
  void empty_isZero_andBadPercentileIsRefused() {
    Histogram h = new Histogram();
    assertEquals(0, h.percentile(50));
    assertThrows(IllegalArgumentException.class, () -> h.percentile(0));
    assertThrows(IllegalArgumentException.class, () -> h.percentile(100.5));
  }

  @Test
  void bucketIndex_isMonotonic() {
    int last = -1;
    for (long v = 0; v < 1 << 20; v += 7) {
      int i = Histogram.index(v);
      assertTrue(i >= last, "index must not decrease at " + v);
      last = i;
      assertEquals(i, Histogram.index(Histogram.valueOf(i)), "bucket middle stays in its bucket");
    }
  }

  private static void assertWithinOnePercent(long expected, long actual) {
    assertTrue(
        Math.abs(actual - expected) <= expected / 100, "expected ~" + expected + " got " + actual);
  }
}
