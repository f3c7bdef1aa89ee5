package dev.socksgate.app.bench;

import java.io.IOException;

/**
 * {@code pingpong}: one tunnel, one small message at a time, round-trip percentiles. The first
 * tenth of the rounds (at least one) warms up and is not recorded. Always one generator thread.
 */
final class PingPongScenario {

  private PingPongScenario() {}

  static Report run(BenchOptions o) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + o.timeout().toNanos();
    Report r = new Report("pingpong", o.target());
    r.field("size", o.size());
    try (Shards shards = new Shards(1)) {
      shards.startOrigins((s, c) -> new EchoPeer(s.reactor, c));
      Shards.Shard s = shards.all().get(0);
      PingPong p = new PingPong(o.size(), Math.max(1, o.messages() / 10), o.messages());
      CpuMeter cpu = CpuMeter.start(o.pid());
      boolean finished =
          shards.phase(
              sh -> {
                try {
                  SocksDialer.dial(sh.reactor, o.route(s.origin().address(), false), p);
                } catch (IOException e) {
                  p.failed(e.toString());
                }
                return p::done;
              },
              deadline);
      cpu.stop();
      r.metric("messages", "round trips", p.rtt.count(), "");
      r.metric("message_bytes", "message size", o.size(), "bytes");
      Latencies.report(r, "rtt", "round trip", p.rtt);
      r.metric("rtt_mean_us", "round trip mean", p.rtt.mean() / 1000.0, "µs");
      cpu.report(r, p.rtt.count(), "round_trip");
      if (!finished) {
        r.fail("not finished at --timeout");
      } else {
        p.error().ifPresent(r::fail);
      }
    }
    return r;
  }
}
