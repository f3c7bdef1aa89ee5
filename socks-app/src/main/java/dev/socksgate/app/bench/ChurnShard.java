package dev.socksgate.app.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The churn workers of one shard and what they counted: completed connections (only those that
 * ended inside the measured window) with their latency per route kind, and failures.
 *
 * <p>Confined to the shard's thread while a phase runs; read by the caller between phases.
 */
final class ChurnShard {

  /** A shard gives up after this many failures: a dead proxy must not turn into a busy loop. */
  static final int MAX_FAILURES = 100;

  final Map<String, Histogram> latency = new LinkedHashMap<>();
  long failures;
  @Nullable String firstFailure;
  private boolean measuring;
  private boolean stopping;

  void measuring(boolean on) {
    measuring = on;
  }

  void stop() {
    stopping = true;
  }

  boolean stopping() {
    return stopping || failures >= MAX_FAILURES;
  }

  void completed(String kind, long nanos) {
    if (measuring) {
      latency.computeIfAbsent(kind, k -> new Histogram()).record(nanos);
    }
  }

  void failed(String reason) {
    failures++;
    if (firstFailure == null) {
      firstFailure = reason;
    }
  }
}
