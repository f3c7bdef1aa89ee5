package dev.socksgate.app.metrics;

import dev.socksgate.app.auth.AuthCounts;
import dev.socksgate.app.auth.AuthEvents;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * {@code socksgate_auth_total{outcome}}: password attempts (RFC 1929 and HTTP Basic) by outcome,
 * {@code accepted}, {@code refused} (checked and wrong) or {@code throttled} (refused without a
 * check: over the per-address bound, or the queue full). Zero while there is no auth file.
 */
public final class AuthCollector {

  private AuthCollector() {}

  /** The collector over {@code counts}, read at each scrape. */
  public static MultiCollector of(AuthCounts counts) {
    return () -> {
      CounterSnapshot.Builder b =
          CounterSnapshot.builder()
              .name("socksgate_auth")
              .help("Password attempts by outcome (accepted, refused, throttled).");
      for (AuthEvents.Outcome o : AuthEvents.Outcome.values()) {
        b.dataPoint(
            CounterDataPointSnapshot.builder()
                .labels(Labels.of("outcome", LabelValues.authOutcome(o)))
                .value((double) counts.count(o))
                .build());
      }
      return new MetricSnapshots(b.build());
    };
  }
}
