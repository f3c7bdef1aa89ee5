package dev.socksgate.app.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bulk}: S tunnels each upload and download X MiB at the same time, every byte checked
 * (CRC32C against the expected stream, computed before the clock starts). The clock runs from the
 * moment every tunnel is open to the last verified byte; MiB/s counts both directions.
 */
final class BulkScenario {

  private static final long MIB = 1 << 20;
  private static final long PAYLOAD_SEED = 0x50C65_6A7EL;

  private BulkScenario() {}

  static Report run(BenchOptions o) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + o.timeout().toNanos();
    Report r = new Report("bulk", o.target());
    r.field("streams", o.streams())
        .field("mib_per_direction", o.mib())
        .field("threads", o.threads());
    try (Payload payload = new Payload(PAYLOAD_SEED);
        Shards shards = new Shards(o.threads())) {
      BulkRun run = new BulkRun(payload, o.streams(), o.mib() * MIB);
      shards.startOrigins((s, c) -> new BulkPeer(s.reactor, run, c));
      List<List<BulkStream>> streams = new ArrayList<>();
      shards.all().forEach(s -> streams.add(new ArrayList<>()));
      for (int i = 0; i < o.streams(); i++) {
        Shards.Shard s = shards.all().get(i % o.threads());
        BulkStream b = new BulkStream(s.reactor, run, i);
        run.add(b, i);
        streams.get(s.index).add(b);
      }
      List<String> errors = new ArrayList<>();
      boolean open =
          shards.phase(
              s -> {
                for (BulkStream b : streams.get(s.index)) {
                  try {
                    b.dial(o.route(s.origin().address(), false));
                  } catch (IOException e) {
                    b.onError(e);
                  }
                }
                return () -> streams.get(s.index).stream().allMatch(BulkStream::dialed);
              },
              deadline);
      streams.forEach(l -> l.stream().flatMap(b -> b.error().stream()).forEach(errors::add));
      if (!errors.isEmpty()) {
        return r.fail(errors.size() + " tunnels did not open; first: " + errors.get(0));
      }
      CpuMeter cpu = CpuMeter.start(o.pid());
      boolean finished =
          open
              && shards.phase(
                  s -> {
                    streams.get(s.index).forEach(BulkStream::go);
                    return () -> shardDone(streams.get(s.index));
                  },
                  deadline);
      cpu.stop();
      streams.forEach(l -> l.stream().flatMap(b -> b.error().stream()).forEach(errors::add));
      double seconds = cpu.wallNanos() / 1e9;
      double mib = 2.0 * o.streams() * o.mib();
      r.metric("seconds", "transfer time", seconds, "s");
      r.metric("mib_total", "moved (up + down)", (long) mib, "MiB");
      r.metric("mib_per_s", "throughput", mib / seconds, "MiB/s");
      cpu.report(r, (long) mib, "mib");
      if (!open || !finished) {
        r.fail("not finished at --timeout");
      }
      if (!errors.isEmpty()) {
        r.fail(errors.size() + " streams failed; first: " + errors.get(0));
      }
    }
    return r;
  }

  private static boolean shardDone(List<BulkStream> mine) {
    return mine.stream().allMatch(BulkStream::isFinished);
  }
}
