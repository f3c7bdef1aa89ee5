package dev.socksgate.app.bench;

import java.io.IOException;

/**
 * CPU time spent by the process under test (given its pid) and by the generator itself over one
 * measured window, from {@code /proc} (10 ms resolution: windows should last seconds).
 */
final class CpuMeter {

  private final long pid;
  private final long self = ProcessHandle.current().pid();
  private long targetStart;
  private long selfStart;
  private long wallStart;
  private long target = -1;
  private long generator;
  private long wall;

  private CpuMeter(long pid) {
    this.pid = pid;
  }

  /** Starts measuring; {@code pid} 0 measures the generator only. */
  static CpuMeter start(long pid) throws IOException {
    CpuMeter m = new CpuMeter(pid);
    m.targetStart = pid > 0 ? ProcStats.cpuMillis(pid) : 0;
    m.selfStart = ProcStats.cpuMillis(m.self);
    m.wallStart = System.nanoTime();
    return m;
  }

  /** Ends the window. */
  CpuMeter stop() throws IOException {
    wall = System.nanoTime() - wallStart;
    generator = ProcStats.cpuMillis(self) - selfStart;
    if (pid > 0) {
      target = ProcStats.cpuMillis(pid) - targetStart;
    }
    return this;
  }

  /** Returns the length of the window in nanoseconds. */
  long wallNanos() {
    return wall;
  }

  /** Adds the CPU figures of the window to {@code r}; {@code per} divides the target's time. */
  void report(Report r, long per, String perWhat) {
    double wallMs = wall / 1e6;
    r.metric("generator_cpu_pct", "generator CPU", 100.0 * generator / wallMs, "% of a core");
    if (target >= 0) {
      r.metric("target_cpu_pct", "target CPU", 100.0 * target / wallMs, "% of a core");
      if (per > 0) {
        r.metric(
            "target_cpu_us_per_" + perWhat,
            "target CPU per " + perWhat,
            1000.0 * target / per,
            "µs");
      }
    }
  }
}
