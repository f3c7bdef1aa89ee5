package dev.socksgate.app.bench;

import java.util.Map;

/** Puts a histogram's percentiles into a report, in microseconds. */
final class Latencies {

  private Latencies() {}

  /** Adds p50, p99, p99.9 and the maximum of {@code h} under the key prefix {@code key}. */
  static void report(Report r, String key, String label, Histogram h) {
    r.metric(key + "_p50_us", label + " p50", micros(h.percentile(50)), "µs");
    r.metric(key + "_p99_us", label + " p99", micros(h.percentile(99)), "µs");
    r.metric(key + "_p999_us", label + " p99.9", micros(h.percentile(99.9)), "µs");
    r.field(key + "_max_us", micros(h.max()));
  }

  /** Merges per-kind histograms into one, reporting each kind when there are several. */
  static Histogram reportKinds(Report r, String key, Map<String, Histogram> kinds) {
    Histogram all = new Histogram();
    kinds.values().forEach(all::merge);
    Latencies.report(r, key, "latency", all);
    if (kinds.size() > 1) {
      kinds.forEach(
          (kind, h) -> {
            r.metric(key + "_" + kind + "_count", "  by " + kind + ": connections", h.count(), "");
            Latencies.report(r, key + "_" + kind, "  by " + kind + ": latency", h);
          });
    }
    return all;
  }

  private static double micros(long nanos) {
    return nanos / 1000.0;
  }
}
