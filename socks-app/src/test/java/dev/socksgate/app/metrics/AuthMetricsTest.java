package dev.socksgate.app.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.auth.AuthCounts;
import dev.socksgate.app.auth.AuthEvents;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code socksgate_auth_total{outcome}} counts what the password verifier reports. */
class AuthMetricsTest {

  @Test
  void authOutcomes_areCounted_andPassedOn() throws IOException {
    List<AuthEvents.Outcome> passedOn = new ArrayList<>();
    AuthCounts counts = new AuthCounts(passedOn::add);
    counts.attempt(AuthEvents.Outcome.ACCEPTED);
    counts.attempt(AuthEvents.Outcome.ACCEPTED);
    counts.attempt(AuthEvents.Outcome.REFUSED);
    counts.attempt(AuthEvents.Outcome.THROTTLED);
    counts.attempt(AuthEvents.Outcome.THROTTLED);
    counts.attempt(AuthEvents.Outcome.THROTTLED);
    assertEquals(6, passedOn.size(), "the log lines still see every attempt");

    PrometheusRegistry r = new PrometheusRegistry();
    r.register(AuthCollector.of(counts));
    try (MetricsServer s =
        new MetricsServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            r,
            new Readiness(),
            MetricsServer.Limits.DEFAULT)) {
      s.start();
      String m = MetricsServerTest.body(MetricsServerTest.get(s, "/metrics"));
      for (String line :
          List.of(
              "# TYPE socksgate_auth_total counter",
              "socksgate_auth_total{outcome=\"accepted\"} 2.0",
              "socksgate_auth_total{outcome=\"refused\"} 1.0",
              "socksgate_auth_total{outcome=\"throttled\"} 3.0")) {
        assertTrue(m.lines().anyMatch(x -> x.startsWith(line)), line + " in\n" + m);
      }
    }
  }
}
