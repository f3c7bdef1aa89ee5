package dev.socksgate.app.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code churn}: W workers loop connect → greeting → CONNECT → 64-byte echo → close, for a warm-up
 * and then a measured window; connections per second, latency percentiles per route kind, and the
 * target's CPU time per connection (given {@code --pid}).
 */
final class ChurnScenario {

  private ChurnScenario() {}

  static Report run(BenchOptions o) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + o.timeout().toNanos();
    Report r = new Report("churn", o.target());
    try (Shards shards = new Shards(o.threads())) {
      shards.startOrigins((s, c) -> new EchoPeer(s.reactor, c));
      List<ChurnShard> states = new ArrayList<>();
      List<List<ChurnWorker>> workers = new ArrayList<>();
      for (int i = 0; i < shards.all().size(); i++) {
        states.add(new ChurnShard());
        workers.add(new ArrayList<>());
      }
      for (int i = 0; i < o.workers(); i++) {
        Shards.Shard s = shards.all().get(i % o.threads());
        workers
            .get(s.index)
            .add(new ChurnWorker(s.reactor, states.get(s.index), routes(o, s.origin()), i));
      }
      long warmEnd = System.nanoTime() + o.warmup().toNanos();
      long measureEnd = warmEnd + o.duration().toNanos();
      if (measureEnd > deadline) {
        return r.fail("--warmup plus --duration exceed --timeout");
      }
      shards.phase(
          s -> {
            workers.get(s.index).forEach(ChurnWorker::next);
            return () -> System.nanoTime() >= warmEnd;
          },
          deadline);
      CpuMeter cpu = CpuMeter.start(o.pid());
      shards.phase(
          s -> {
            states.get(s.index).measuring(true);
            return () -> System.nanoTime() >= measureEnd;
          },
          deadline);
      cpu.stop();
      boolean drained =
          shards.phase(
              s -> {
                states.get(s.index).measuring(false);
                states.get(s.index).stop();
                return () -> workers.get(s.index).stream().allMatch(ChurnWorker::done);
              },
              deadline);
      report(r, o, states, cpu, drained);
    }
    return r;
  }

  private static Route[] routes(BenchOptions o, Origin origin) throws IOException {
    if (o.direct()) {
      return new Route[] {o.route(origin.address(), false)};
    }
    return switch (o.connectBy()) {
      case "ipv4" -> new Route[] {o.route(origin.address(), false)};
      case "name" -> new Route[] {o.route(origin.address(), true)};
      default -> new Route[] {o.route(origin.address(), false), o.route(origin.address(), true)};
    };
  }

  private static void report(
      Report r, BenchOptions o, List<ChurnShard> states, CpuMeter cpu, boolean drained) {
    Map<String, Histogram> kinds = new LinkedHashMap<>();
    long failures = 0;
    String first = null;
    for (ChurnShard st : states) {
      st.latency.forEach((k, h) -> kinds.computeIfAbsent(k, x -> new Histogram()).merge(h));
      failures += st.failures;
      first = first != null ? first : st.firstFailure;
    }
    r.field("workers", o.workers())
        .field("threads", o.threads())
        .field("connect_by", o.direct() ? "direct" : o.connectBy());
    double seconds = cpu.wallNanos() / 1e9;
    long count = kinds.values().stream().mapToLong(Histogram::count).sum();
    r.metric("seconds", "measured for", seconds, "s");
    r.metric("connections", "connections", count, "");
    r.metric("conn_per_s", "connections/s", count / seconds, "");
    Latencies.reportKinds(r, "latency", kinds);
    cpu.report(r, count, "conn");
    r.metric("failures", "failures", failures, "");
    if (failures > 0) {
      r.fail(failures + " connections failed; first: " + first);
    }
    if (!drained) {
      r.fail("connections still open at --timeout");
    }
    if (count == 0) {
      r.fail("no connection completed in the measured window");
    }
  }
}
