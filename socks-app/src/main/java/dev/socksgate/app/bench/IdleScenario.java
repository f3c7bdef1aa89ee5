package dev.socksgate.app.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code idle}: C tunnels opened in steps and held open; after each step (and a settle time) the
 * target's resident memory and thread count are sampled from {@code /proc/PID/status}; at the end
 * every tunnel must still echo. Reports the memory per tunnel from the first sample (no tunnel) to
 * the last, and the spread of the thread count.
 */
final class IdleScenario {

  // Descriptors beside the tunnels' own: the JVM's jars, selectors, the origin's listener.
  private static final int SPARE_FILES = 128;

  private IdleScenario() {}

  static Report run(BenchOptions o) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + o.timeout().toNanos();
    Report r = new Report("idle", o.target());
    r.field("tunnels_wanted", o.tunnels()).field("threads", o.threads());
    long need = 2L * o.tunnels() + SPARE_FILES; // both ends of every tunnel are in this process
    long limit = ProcStats.maxOpenFiles();
    if (limit >= 0 && limit < need) {
      return r.fail(
          "open-files limit "
              + limit
              + " is below the "
              + need
              + " needed: raise it "
              + "(ulimit -n "
              + need
              + ") or ask for fewer --tunnels");
    }
    try (Shards shards = new Shards(o.threads())) {
      shards.startOrigins((s, c) -> new EchoPeer(s.reactor, c));
      List<IdleShard> parts = new ArrayList<>();
      for (Shards.Shard s : shards.all()) {
        parts.add(
            new IdleShard(
                s.reactor,
                o.route(s.origin().address(), false),
                s.index * BenchOptions.MAX_TUNNELS));
      }
      List<Object> steps = new ArrayList<>();
      long[] first = sample(o, 0, steps);
      long[] last = first;
      long threadsMin = first[1];
      long threadsMax = first[1];
      boolean inTime = true;
      for (int k = 1; k <= o.steps() && inTime; k++) {
        int wanted = (int) ((long) o.tunnels() * k / o.steps());
        inTime =
            shards.phase(
                s -> {
                  IdleShard p = parts.get(s.index);
                  p.openUpTo(share(wanted, o.threads(), s.index));
                  return p::settled;
                },
                deadline);
        Thread.sleep(o.settle().toMillis());
        int open = parts.stream().mapToInt(IdleShard::openCount).sum();
        last = sample(o, open, steps);
        threadsMin = Math.min(threadsMin, last[1]);
        threadsMax = Math.max(threadsMax, last[1]);
      }
      int open = parts.stream().mapToInt(IdleShard::openCount).sum();
      boolean checked =
          inTime
              && shards.phase(
                  s -> {
                    parts.get(s.index).checkAll();
                    return parts.get(s.index)::allChecked;
                  },
                  deadline);
      long failures = parts.stream().mapToLong(p -> p.failures).sum();
      r.metric("tunnels", "tunnels open and checked", open, "");
      if (o.pid() > 0) {
        r.metric("rss_first_kib", "target RSS, no tunnel", first[0], "KiB");
        r.metric("rss_last_kib", "target RSS, all tunnels", last[0], "KiB");
        r.metric(
            "rss_per_tunnel_kib",
            "target RSS per tunnel",
            open == 0 ? 0.0 : (double) (last[0] - first[0]) / open,
            "KiB");
        r.metric("threads_min", "target threads, fewest", threadsMin, "");
        r.metric("threads_max", "target threads, most", threadsMax, "");
        r.field("steps", steps);
      }
      r.metric("failures", "failures", failures, "");
      if (!checked) {
        r.fail("not finished at --timeout");
      }
      if (failures > 0) {
        String why =
            parts.stream().map(p -> p.firstFailure).filter(f -> f != null).findFirst().orElse("");
        r.fail(failures + " tunnels failed; first: " + why);
      }
    }
    return r;
  }

  /** Returns {rss KiB, threads} of the target (zeros without --pid) and records the step. */
  private static long[] sample(BenchOptions o, int tunnels, List<Object> steps) throws IOException {
    if (o.pid() == 0) {
      return new long[] {0, 0};
    }
    long rss = ProcStats.rssKib(o.pid());
    long threads = ProcStats.threads(o.pid());
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("tunnels", tunnels);
    step.put("rss_kib", rss);
    step.put("threads", threads);
    steps.add(step);
    return new long[] {rss, threads};
  }

  /** Splits {@code total} over {@code n} shards: shard {@code i}'s part. */
  static int share(int total, int n, int i) {
    return total / n + (i < total % n ? 1 : 0);
  }
}
