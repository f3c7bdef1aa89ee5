package dev.socksgate.app.cli;

import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.config.SocksPortSpec;
import dev.socksgate.core.model.Durations;
import dev.socksgate.core.model.HostNames;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * Parses the command line (and the config file it names) into an {@link Invocation}. Options on the
 * command line win over the file; {@code --socks-port} given on the command line replaces the
 * file's listeners instead of adding to them.
 */
public final class CliParser {

  private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace");

  private final PrintWriter out;
  private final PrintWriter err;

  /** Creates a parser that prints help and errors to these writers. */
  public CliParser(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Parses {@code args}.
   *
   * @throws UsageException for bad options, with a one-line message
   */
  public Invocation parse(String[] args) throws UsageException {
    CliOptions cli = QuickParse.parse(args).orElse(null);
    if (cli == null) { // help, version, a subcommand or an error: picocli's to answer
      CommandLine cmd = commandLine(new CliOptions());
      CommandLine.ParseResult first = parseOrThrow(cmd, args);
      if (first.subcommand() != null) {
        return new Invocation.Exit(cmd.execute(args));
      }
      if (cmd.isUsageHelpRequested()) {
        cmd.usage(out);
        return new Invocation.Exit(0);
      }
      if (cmd.isVersionHelpRequested()) {
        cmd.printVersionHelp(out);
        return new Invocation.Exit(0);
      }
      cli = cmd.getCommand();
    }
    if (cli.config == null) {
      return new Invocation.Run(toConfig(cli), cli.check);
    }
    List<String> merged = new ArrayList<>(ConfigFile.read(cli.config));
    if (!cli.socksPorts.isEmpty()) {
      merged.removeIf(a -> a.startsWith("--socks-port"));
    }
    merged.addAll(List.of(args));
    String[] all = merged.toArray(String[]::new);
    CliOptions options = QuickParse.parse(all).orElse(null);
    if (options == null) {
      CommandLine again = commandLine(new CliOptions());
      parseOrThrow(again, all);
      options = again.getCommand();
    }
    return new Invocation.Run(toConfig(options), options.check);
  }

  /** Prints the usage text to the error writer, after a usage error. */
  public void printUsage() {
    commandLine(new CliOptions()).usage(err);
  }

  CommandLine commandLine(CliOptions options) {
    CommandLine cmd = new CommandLine(options);
    cmd.setOverwrittenOptionsAllowed(true);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          err.println("error: " + e.getMessage());
          return 1;
        });
    return cmd;
  }

  private static CommandLine.ParseResult parseOrThrow(CommandLine cmd, String[] args)
      throws UsageException {
    try {
      return cmd.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Parses {@code socks5://ADDR:PORT}; the address must be a literal (no lookup at start-up). */
  static InetSocketAddress upstream(String uri) {
    String prefix = "socks5://";
    if (!uri.toLowerCase(Locale.ROOT).startsWith(prefix)) {
      throw new IllegalArgumentException("--upstream must look like socks5://127.0.0.1:9050");
    }
    String rest = uri.substring(prefix.length());
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    if (rest.indexOf(':') < 0 || rest.endsWith(":")) {
      throw new IllegalArgumentException("--upstream needs an address and a port: " + uri);
    }
    InetSocketAddress a = SocksPortSpec.parseAddress(rest);
    if (a.getPort() == 0) {
      throw new IllegalArgumentException("--upstream needs a non-zero port: " + uri);
    }
    return a;
  }

  static InetAddress literal(String s) {
    return HostNames.parseLiteral(s.strip())
        .orElseThrow(() -> new IllegalArgumentException("--exit-bind takes IP addresses: " + s));
  }

  private static AppConfig toConfig(CliOptions o) throws UsageException {
    try {
      List<SocksPortSpec> listeners = new ArrayList<>();
      for (String spec : o.socksPorts) {
        listeners.add(SocksPortSpec.parse(spec));
      }
      if (listeners.isEmpty()) {
        listeners.add(SocksPortSpec.defaults());
      }
      String level = o.logLevel.toLowerCase(Locale.ROOT);
      if (!LEVELS.contains(level)) {
        throw new IllegalArgumentException("--log-level must be one of " + LEVELS);
      }
      boolean loopbackOnly =
          listeners.stream().allMatch(l -> l.bind().getAddress().isLoopbackAddress());
      boolean rejectInternal =
          o.rejectInternalAddresses != null ? o.rejectInternalAddresses : !loopbackOnly;
      int loops = o.loops != null ? o.loops : Runtime.getRuntime().availableProcessors();
      return new AppConfig(
          listeners,
          Durations.parse(o.socksTimeout),
          Durations.parse(o.connectTimeout),
          Durations.parse(o.idleTimeout),
          o.maxConnections,
          loops,
          o.bufferSize,
          o.bulkBufferSize,
          o.safeSocks,
          o.testSocks,
          o.safeLogging,
          Optional.ofNullable(o.authFile).map(Path::toAbsolutePath),
          rejectInternal,
          level,
          Optional.ofNullable(o.controlPort).map(SocksPortSpec::parseAddress),
          (o.controlCookieFile != null
                  ? o.controlCookieFile
                  : Path.of(System.getProperty("java.io.tmpdir"), "socksgate-control.cookie"))
              .toAbsolutePath(),
          Optional.ofNullable(o.upstream).map(CliParser::upstream),
          o.exitBind.stream().map(CliParser::literal).toList());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
