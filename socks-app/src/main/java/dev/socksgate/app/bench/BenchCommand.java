package dev.socksgate.app.bench;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code socksgate bench SCENARIO [options]}: measures a SOCKS5 server (this one or any other) on
 * loopback, with a built-in origin, and prints a table and one JSON line. The command line's
 * options are declared and parsed by {@code dev.socksgate.app.cli}, which hands over validated
 * {@link BenchOptions}.
 */
public final class BenchCommand {

  private BenchCommand() {}

  /**
   * Runs one scenario and prints its report.
   *
   * @return the exit status: 0 when every byte was verified, 1 when the run failed or lost data
   * @throws IOException if the generator cannot open its sockets
   * @throws InterruptedException if interrupted
   */
  public static int run(BenchOptions o, PrintWriter out) throws IOException, InterruptedException {
    Report report =
        switch (o.scenario()) {
          case "bulk" -> BulkScenario.run(o);
          case "churn" -> ChurnScenario.run(o);
          case "pingpong" -> PingPongScenario.run(o);
          case "idle" -> IdleScenario.run(o);
          default -> StartupScenario.run(o);
        };
    out.print(report.render());
    out.flush();
    return report.verified() ? 0 : 1;
  }
}
