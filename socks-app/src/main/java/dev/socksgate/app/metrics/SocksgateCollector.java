package dev.socksgate.app.metrics;

import dev.socksgate.transport.nio.TransportStats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.DoubleStream;

/**
 * The {@code socksgate_*} series, built at scrape time from one {@link TransportStats} snapshot
 * (the transport counts per event loop and knows nothing of Prometheus). Several transport counts
 * may map to one label set (SOCKS4 and SOCKS4a failures, failures that share a reply name): they
 * are summed here.
 *
 * <p>Thread-safe: each scrape builds its own snapshot.
 */
public final class SocksgateCollector implements MultiCollector {

  // the transport's bucket bounds in seconds, then +Inf: the same for every histogram
  private static final double[] BOUNDS =
      DoubleStream.concat(
              TransportStats.BUCKET_BOUNDS_NANOS.stream().mapToDouble(n -> n / 1e9),
              DoubleStream.of(Double.POSITIVE_INFINITY))
          .toArray();

  /** Where the numbers come from. */
  public interface Sources {
    /** The transport's counters now. */
    TransportStats stats();

    /** Lookups waiting for a resolver thread (0 when the exit resolves upstream). */
    long resolverQueueDepth();

    /** Access-log lines dropped because the writer's queue was full. */
    long accessLogDropped();
  }

  private final Sources sources;

  /** Creates the collector. */
  public SocksgateCollector(Sources sources) {
    this.sources = sources;
  }

  /** Creates the collector over separate suppliers. */
  public static SocksgateCollector of(
      Supplier<TransportStats> stats, LongSupplier resolverQueue, LongSupplier dropped) {
    return new SocksgateCollector(
        new Sources() {
          @Override
          public TransportStats stats() {
            return stats.get();
          }

          @Override
          public long resolverQueueDepth() {
            return resolverQueue.getAsLong();
          }

          @Override
          public long accessLogDropped() {
            return dropped.getAsLong();
          }
        });
  }

  @Override
  public MetricSnapshots collect() {
    TransportStats s = sources.stats();
    List<TransportStats.Listener> ls = s.listeners();
    MetricSnapshots.Builder out = MetricSnapshots.builder();
    out.metricSnapshot(
        counter(
            "socksgate_connections_accepted",
            "Client connections admitted (past the client policy, the per-address limit and the"
                + " cap).",
            ls,
            l -> Map.of(List.of(), (double) l.accepted()),
            List.of()));
    out.metricSnapshot(
        counter(
            "socksgate_connections_refused",
            "Client connections refused or closed before service, by reason.",
            ls,
            l -> {
              Map<List<String>, Double> m = new LinkedHashMap<>();
              l.refused()
                  .forEach(
                      (r, n) -> m.merge(List.of(LabelValues.reason(r)), (double) n, Double::sum));
              return m;
            },
            List.of("reason")));
    out.metricSnapshot(
        counter(
            "socksgate_handshakes",
            "Handshakes by protocol and outcome (ok, timed_out, closed or the failure kind).",
            ls,
            l -> {
              Map<List<String>, Double> m = new LinkedHashMap<>();
              for (TransportStats.Handshakes h : l.handshakes()) {
                m.merge(
                    List.of(LabelValues.protocol(h.protocol()), LabelValues.handshakeOutcome(h)),
                    (double) h.count(),
                    Double::sum);
              }
              return m;
            },
            List.of("protocol", "outcome")));
    out.metricSnapshot(
        counter(
            "socksgate_streams",
            "Requests answered, by command and outcome (succeeded or the SOCKS5 reply's name).",
            ls,
            l -> {
              Map<List<String>, Double> m = new LinkedHashMap<>();
              for (TransportStats.Streams st : l.streams()) {
                m.merge(
                    List.of(
                        LabelValues.command(st.command()), LabelValues.streamOutcome(st.failure())),
                    (double) st.count(),
                    Double::sum);
              }
              return m;
            },
            List.of("command", "outcome")));
    out.metricSnapshot(
        counter(
            "socksgate_bytes",
            "Bytes relayed: up is client to destination, down is destination to client.",
            ls,
            l -> {
              Map<List<String>, Double> m = new LinkedHashMap<>();
              m.put(List.of("up"), (double) l.bytesUp());
              m.put(List.of("down"), (double) l.bytesDown());
              return m;
            },
            List.of("direction")));
    out.metricSnapshot(
        gauge(
            "socksgate_active_connections",
            "Client connections open now.",
            ls,
            TransportStats.Listener::activeConnections));
    out.metricSnapshot(
        gauge(
            "socksgate_active_relays",
            "CONNECT relays running now.",
            ls,
            TransportStats.Listener::activeRelays));
    out.metricSnapshot(
        histogram(
            "socksgate_handshake_duration_seconds",
            "Accept to complete request, for handshakes that ended ok.",
            ls,
            TransportStats.Listener::handshakeDuration));
    out.metricSnapshot(
        histogram(
            "socksgate_connect_duration_seconds",
            "Complete CONNECT request to its outcome (connected or failed).",
            ls,
            TransportStats.Listener::connectDuration));
    out.metricSnapshot(
        histogram(
            "socksgate_resolve_duration_seconds",
            "Complete RESOLVE or RESOLVE_PTR request to its answer.",
            ls,
            TransportStats.Listener::resolveDuration));
    out.metricSnapshot(
        histogram(
            "socksgate_stream_duration_seconds",
            "A CONNECT relay's life, from the success reply to its close.",
            ls,
            TransportStats.Listener::streamDuration));
    LoopSeries.add(out, s.loops());
    out.metricSnapshot(
        GaugeSnapshot.builder()
            .name("socksgate_resolver_queue_depth")
            .help("Name lookups waiting for a resolver thread.")
            .dataPoint(
                GaugeDataPointSnapshot.builder()
                    .value((double) sources.resolverQueueDepth())
                    .build())
            .build());
    out.metricSnapshot(
        CounterSnapshot.builder()
            .name("socksgate_access_log_dropped")
            .help("Access-log lines dropped because the writer's queue was full.")
            .dataPoint(
                CounterDataPointSnapshot.builder()
                    .value((double) sources.accessLogDropped())
                    .build())
            .build());
    return out.build();
  }

  private static CounterSnapshot counter(
      String name,
      String help,
      List<TransportStats.Listener> ls,
      Function<TransportStats.Listener, Map<List<String>, Double>> values,
      List<String> labelNames) {
    CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
    for (TransportStats.Listener l : ls) {
      for (Map.Entry<List<String>, Double> e : values.apply(l).entrySet()) {
        b.dataPoint(
            CounterDataPointSnapshot.builder()
                .labels(labels(l, labelNames, e.getKey()))
                .value(e.getValue())
                .build());
      }
    }
    return b.build();
  }

  private static GaugeSnapshot gauge(
      String name,
      String help,
      List<TransportStats.Listener> ls,
      Function<TransportStats.Listener, Long> value) {
    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
    for (TransportStats.Listener l : ls) {
      b.dataPoint(
          GaugeDataPointSnapshot.builder()
              .labels(labels(l, List.of(), List.of()))
              .value((double) value.apply(l))
              .build());
    }
    return b.build();
  }

  private static HistogramSnapshot histogram(
      String name,
      String help,
      List<TransportStats.Listener> ls,
      Function<TransportStats.Listener, TransportStats.Histogram> value) {
    HistogramSnapshot.Builder b =
        HistogramSnapshot.builder().name(name).help(help).unit(Unit.SECONDS);
    for (TransportStats.Listener l : ls) {
      TransportStats.Histogram h = value.apply(l);
      long[] counts = h.counts().stream().mapToLong(Long::longValue).toArray();
      b.dataPoint(
          HistogramDataPointSnapshot.builder()
              .labels(labels(l, List.of(), List.of()))
              .classicHistogramBuckets(ClassicHistogramBuckets.of(BOUNDS, counts))
              .sum(h.sumNanos() / 1e9)
              .build());
    }
    return b.build();
  }

  private static Labels labels(TransportStats.Listener l, List<String> names, List<String> values) {
    String[] kv = new String[2 + 2 * names.size()];
    kv[0] = "listener";
    kv[1] = LabelValues.listener(l.address());
    for (int i = 0; i < names.size(); i++) {
      kv[2 + 2 * i] = names.get(i);
      kv[3 + 2 * i] = values.get(i);
    }
    return Labels.of(kv);
  }
}
