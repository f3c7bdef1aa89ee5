package dev.socksgate.app.bench;

import dev.socksgate.core.model.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code socksgate bench SCENARIO [options]}: measures a SOCKS5 server (this one or any other) on
 * loopback, with a built-in origin, and prints a table and one JSON line. Exit status 0 when every
 * byte was verified, 1 when the run failed or lost data, 2 for bad options.
 *
 * <p>Public only because picocli's subcommand list lives in {@code dev.socksgate.app.cli}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = false,
    description = {
      "Measure a SOCKS5 server (ours or another) on loopback with a built-in origin.",
      "%nScenarios: bulk (MiB/s), churn (connections/s, latency), pingpong (round trip), "
          + "idle (the server's memory and threads per idle tunnel; give --pid), startup "
          + "(spawn to first CONNECT, beside the JVM floor on the same Java; the server's "
          + "command follows '--'). "
          + "See docs/benchmarks.md.%n"
    })
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description = "bulk, churn, pingpong, idle or startup.")
  String scenario;

  @Parameters(
      index = "1..*",
      paramLabel = "COMMAND",
      arity = "0..*",
      description = "startup only: the server's command line, after '--'.")
  List<String> command = new ArrayList<>();

  @Option(
      names = "--proxy",
      paramLabel = "ADDR:PORT",
      defaultValue = "127.0.0.1:1080",
      description =
          "The SOCKS5 server under test; a loopback IP literal. " + "Default: ${DEFAULT-VALUE}.")
  String proxy;

  @Option(
      names = "--direct",
      description = "No proxy: the generator talks to its origin (the baseline).")
  boolean direct;

  @Option(
      names = "--pid",
      paramLabel = "PID",
      defaultValue = "0",
      description =
          "The server's process: its CPU time, resident memory and threads are "
              + "read from /proc.")
  long pid;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "1",
      description = "Generator threads, each with its own origin. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "300 s",
      description = "The most a run may take. Default: ${DEFAULT-VALUE}.")
  String timeout;

  @Option(
      names = "--streams",
      paramLabel = "S",
      defaultValue = "1",
      description = "bulk: parallel tunnels. Default: ${DEFAULT-VALUE}.")
  int streams;

  @Option(
      names = "--mib",
      paramLabel = "X",
      defaultValue = "256",
      description =
          "bulk: MiB each tunnel uploads and downloads at once. " + "Default: ${DEFAULT-VALUE}.")
  long mib;

  @Option(
      names = "--workers",
      paramLabel = "W",
      defaultValue = "16",
      description = "churn: connections in flight. Default: ${DEFAULT-VALUE}.")
  int workers;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      defaultValue = "10 s",
      description = "churn: measured window. Default: ${DEFAULT-VALUE}.")
  String duration;

  @Option(
      names = "--warmup",
      paramLabel = "DURATION",
      defaultValue = "2 s",
      description = "churn: unmeasured time first. Default: ${DEFAULT-VALUE}.")
  String warmup;

  @Option(
      names = "--connect-by",
      paramLabel = "HOW",
      defaultValue = "both",
      description =
          "churn: CONNECT by ipv4, by name (localhost, resolved by the proxy) or both "
              + "in turn. Default: ${DEFAULT-VALUE}.")
  String connectBy;

  @Option(
      names = "--messages",
      paramLabel = "N",
      defaultValue = "20000",
      description = "pingpong: measured round trips. Default: ${DEFAULT-VALUE}.")
  int messages;

  @Option(
      names = "--size",
      paramLabel = "BYTES",
      defaultValue = "64",
      description = "pingpong: message size. Default: ${DEFAULT-VALUE}.")
  int size;

  @Option(
      names = "--tunnels",
      paramLabel = "C",
      defaultValue = "1000",
      description = "idle: tunnels held open at the end. Default: ${DEFAULT-VALUE}.")
  int tunnels;

  @Option(
      names = "--steps",
      paramLabel = "K",
      defaultValue = "5",
      description = "idle: steps to get there, sampled after each. Default: ${DEFAULT-VALUE}.")
  int steps;

  @Option(
      names = "--settle",
      paramLabel = "DURATION",
      defaultValue = "2 s",
      description = "idle: wait before each sample. Default: ${DEFAULT-VALUE}.")
  String settle;

  @Option(
      names = "--repeat",
      paramLabel = "N",
      defaultValue = "5",
      description = "startup: how many starts. Default: ${DEFAULT-VALUE}.")
  int repeat;

  @Override
  public Integer call() throws IOException, InterruptedException {
    BenchOptions o = options();
    Report report =
        switch (o.scenario()) {
          case "bulk" -> BulkScenario.run(o);
          case "churn" -> ChurnScenario.run(o);
          case "pingpong" -> PingPongScenario.run(o);
          case "idle" -> IdleScenario.run(o);
          default -> StartupScenario.run(o);
        };
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.render());
    out.flush();
    return report.verified() ? 0 : 1;
  }

  /** Validates the options; a bad one is a usage error (exit 2). */
  BenchOptions options() {
    try {
      return new BenchOptions(
          scenario,
          BenchOptions.parseAddress(proxy),
          direct,
          threads,
          Durations.parse(timeout),
          pid,
          streams,
          mib,
          workers,
          Durations.parse(duration),
          Durations.parse(warmup),
          connectBy,
          messages,
          size,
          tunnels,
          steps,
          Durations.parse(settle),
          repeat,
          command);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
