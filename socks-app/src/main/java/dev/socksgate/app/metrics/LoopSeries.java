package dev.socksgate.app.metrics;

import dev.socksgate.transport.nio.TransportStats;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;

/**
 * The per-event-loop series of {@link SocksgateCollector}: tasks run, select wake-ups and relay
 * buffers, labelled by the loop's index (a bounded set: at most the transport's loop count).
 */
final class LoopSeries {

  private LoopSeries() {}

  static void add(MetricSnapshots.Builder out, List<TransportStats.Loop> loops) {
    CounterSnapshot.Builder tasks =
        CounterSnapshot.builder()
            .name("socksgate_event_loop_tasks")
            .help("Tasks an event loop ran that other threads queued for it.");
    CounterSnapshot.Builder wakeups =
        CounterSnapshot.builder()
            .name("socksgate_event_loop_wakeups")
            .help("Times an event loop's select returned.");
    GaugeSnapshot.Builder buffers =
        GaugeSnapshot.builder()
            .name("socksgate_buffers")
            .help(
                "Relay buffers per event loop: in_use (both sizes), free (kept for reuse), bulk"
                    + " (large buffers in use).");
    for (TransportStats.Loop l : loops) {
      String loop = Integer.toString(l.index());
      tasks.dataPoint(
          CounterDataPointSnapshot.builder()
              .labels(Labels.of("loop", loop))
              .value((double) l.tasksRun())
              .build());
      wakeups.dataPoint(
          CounterDataPointSnapshot.builder()
              .labels(Labels.of("loop", loop))
              .value((double) l.wakeups())
              .build());
      buffers.dataPoint(buffer(loop, "in_use", l.buffersInUse()));
      buffers.dataPoint(buffer(loop, "free", l.buffersFree()));
      buffers.dataPoint(buffer(loop, "bulk", l.bulkInUse()));
    }
    out.metricSnapshot(tasks.build());
    out.metricSnapshot(wakeups.build());
    out.metricSnapshot(buffers.build());
  }

  private static GaugeDataPointSnapshot buffer(String loop, String state, long n) {
    return GaugeDataPointSnapshot.builder()
        .labels(Labels.of("loop", loop, "state", state))
        .value((double) n)
        .build();
  }
}
