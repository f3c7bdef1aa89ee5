/**
 * Observability: the Prometheus series built from the transport's counters at scrape time ({@link
 * dev.socksgate.app.metrics.SocksgateCollector}), the metrics and health endpoint ({@link
 * dev.socksgate.app.metrics.MetricsServer}) and readiness ({@link
 * dev.socksgate.app.metrics.Readiness}). Every label comes from a bounded set; nothing here names a
 * client, a destination or a user.
 */
@NullMarked
package dev.socksgate.app.metrics;

import org.jspecify.annotations.NullMarked;
