package dev.socksgate.app.cli;

import dev.socksgate.app.bench.BenchCommand;
import dev.socksgate.app.bench.BenchOptions;
import dev.socksgate.core.model.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The options of {@code socksgate bench}, declared like the server's, and the step from parsed
 * values to {@link BenchOptions} (which holds every bound). The bench itself depends on none of
 * this.
 */
final class BenchArguments {

  private static final Function<String, Integer> ANY_INT = Converters.integer(0, Integer.MAX_VALUE);

  static final Option<String> PROXY =
      Option.value("proxy", "ADDR:PORT", Function.identity())
          .byDefault("127.0.0.1:1080")
          .help("The SOCKS5 server under test; a loopback IP literal.")
          .build();
  static final Option<Boolean> DIRECT =
      Option.bool("direct")
          .help("No proxy: the generator talks to its origin (the baseline).")
          .build();
  static final Option<Integer> PID =
      Option.value("pid", "PID", ANY_INT)
          .byDefault("0")
          .help(
              "The server's process: its CPU time, resident memory and threads are read from /proc.")
          .build();
  static final Option<Integer> THREADS =
      Option.value("threads", "N", ANY_INT)
          .byDefault("1")
          .help("Generator threads, each with its own origin.")
          .build();
  static final Option<Duration> TIMEOUT =
      Option.value("timeout", "DURATION", Durations::parse)
          .byDefault("300 s")
          .help("The most a run may take.")
          .build();
  static final Option<Integer> STREAMS =
      Option.value("streams", "S", ANY_INT).byDefault("1").help("bulk: parallel tunnels.").build();
  static final Option<Integer> MIB =
      Option.value("mib", "X", ANY_INT)
          .byDefault("256")
          .help("bulk: MiB each tunnel uploads and downloads at once.")
          .build();
  static final Option<Integer> WORKERS =
      Option.value("workers", "W", ANY_INT)
          .byDefault("16")
          .help("churn: connections in flight.")
          .build();
  static final Option<Duration> DURATION =
      Option.value("duration", "DURATION", Durations::parse)
          .byDefault("10 s")
          .help("churn: measured window.")
          .build();
  static final Option<Duration> WARMUP =
      Option.value("warmup", "DURATION", Durations::parse)
          .byDefault("2 s")
          .help("churn: unmeasured time first.")
          .build();
  static final Option<String> CONNECT_BY =
      Option.value("connect-by", "HOW", Function.identity())
          .byDefault("both")
          .help(
              "churn: CONNECT by ipv4, by name (localhost, resolved by the proxy) or both in"
                  + " turn.")
          .build();
  static final Option<Integer> MESSAGES =
      Option.value("messages", "N", ANY_INT)
          .byDefault("20000")
          .help("pingpong: measured round trips.")
          .build();
  static final Option<Integer> SIZE =
      Option.value("size", "BYTES", ANY_INT)
          .byDefault("64")
          .help("pingpong: message size.")
          .build();
  static final Option<Integer> TUNNELS =
      Option.value("tunnels", "C", ANY_INT)
          .byDefault("1000")
          .help("idle: tunnels held open at the end.")
          .build();
  static final Option<Integer> STEPS =
      Option.value("steps", "K", ANY_INT)
          .byDefault("5")
          .help("idle: steps to get there, sampled after each.")
          .build();
  static final Option<Duration> SETTLE =
      Option.value("settle", "DURATION", Durations::parse)
          .byDefault("2 s")
          .help("idle: wait before each sample.")
          .build();
  static final Option<Integer> REPEAT =
      Option.value("repeat", "N", ANY_INT).byDefault("5").help("startup: how many starts.").build();

  static final List<Option<?>> ALL =
      List.of(
          PROXY,
          DIRECT,
          PID,
          THREADS,
          TIMEOUT,
          STREAMS,
          MIB,
          WORKERS,
          DURATION,
          WARMUP,
          CONNECT_BY,
          MESSAGES,
          SIZE,
          TUNNELS,
          STEPS,
          SETTLE,
          REPEAT,
          ServerOptions.HELP);

  private static final String DESCRIPTION =
      "Measure a SOCKS5 server (ours or another) on loopback with a built-in origin. Scenarios:"
          + " bulk (MiB/s), churn (connections/s, latency), pingpong (round trip), idle (the"
          + " server's memory and threads per idle tunnel; give --pid), startup (spawn to first"
          + " CONNECT, beside the JVM floor on the same Java; the server's command follows '--')."
          + " Exit status 0 when every byte was verified, 1 when the run failed or lost data, 2"
          + " for bad options. See docs/benchmarks.md.";

  private BenchArguments() {}

  /** The text of {@code socksgate bench --help}. */
  static String usage() {
    return Usage.render(
        List.of("socksgate bench SCENARIO [OPTION]... [-- COMMAND...]"), DESCRIPTION, ALL);
  }

  /**
   * Runs {@code socksgate bench} with {@code args} (after the word "bench").
   *
   * @return the exit status: 0 when every byte was verified, 1 when the run failed or lost data, 2
   *     for bad options
   */
  static int run(List<String> args, PrintWriter out, PrintWriter err) {
    return new Subcommand("bench", usage(), ALL)
        .run(args, out, err, parsed -> BenchCommand.run(options(parsed), out));
  }

  private static BenchOptions options(ParsedOptions o) throws UsageException {
    List<String> positionals = o.positionals();
    if (positionals.size() != 1) {
      throw new UsageException(
          positionals.isEmpty()
              ? "which SCENARIO? one of " + BenchOptions.SCENARIOS
              : "unexpected argument '" + positionals.get(1) + "'");
    }
    try {
      return new BenchOptions(
          positionals.get(0),
          BenchOptions.parseAddress(o.get(PROXY)),
          o.get(DIRECT),
          o.get(THREADS),
          o.get(TIMEOUT),
          o.get(PID),
          o.get(STREAMS),
          o.get(MIB),
          o.get(WORKERS),
          o.get(DURATION),
          o.get(WARMUP),
          o.get(CONNECT_BY),
          o.get(MESSAGES),
          o.get(SIZE),
          o.get(TUNNELS),
          o.get(STEPS),
          o.get(SETTLE),
          o.get(REPEAT),
          o.command());
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
  }
}
