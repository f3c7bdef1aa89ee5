package dev.socksgate.app.cli;

import dev.socksgate.app.config.AppConfig;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the command line (and the config file it names) into an {@link Invocation}, or runs the
 * subcommand it names ({@code passwd}, {@code bench}, {@code doctor}). Options on the command line
 * win over the file; a repeatable option given on the command line ({@code --socks-port}) replaces
 * the file's values instead of adding to them. One parser ({@link ArgParser}) over one set of
 * declarations ({@link ServerOptions}) serves the command line, the file, {@code --help} and the
 * example config.
 */
public final class CliParser {

  private static final String DESCRIPTION =
      "A SOCKS4, SOCKS4a and SOCKS5 server that speaks Tor's SOCKS extensions. Subcommands:"
          + " 'passwd USERNAME' prints an --auth-file line; 'bench SCENARIO' measures a SOCKS5"
          + " server; 'doctor --proxy ADDR:PORT' checks a SOCKS server for what clients need"
          + " ('socksgate passwd --help', 'socksgate bench --help', 'socksgate doctor --help').";

  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;

  /** Creates a parser that prints help and errors to these writers. */
  public CliParser(PrintWriter out, PrintWriter err) {
    this(out, err, System.in);
  }

  /** As {@link #CliParser(PrintWriter, PrintWriter)}, with the input {@code passwd} reads. */
  CliParser(PrintWriter out, PrintWriter err, InputStream in) {
    this.out = out;
    this.err = err;
    this.in = in;
  }

  /**
   * Parses {@code args}; runs a subcommand to its end.
   *
   * @throws UsageException for bad options, with a one-line message
   */
  public Invocation parse(String[] args) throws UsageException {
    List<String> list = Arrays.asList(args);
    if (!list.isEmpty() && list.get(0).equals("passwd")) {
      return new Invocation.Exit(PasswdCommand.run(list.subList(1, list.size()), in, out, err));
    }
    if (!list.isEmpty() && list.get(0).equals("bench")) {
      return new Invocation.Exit(BenchArguments.run(list.subList(1, list.size()), out, err));
    }
    if (!list.isEmpty() && list.get(0).equals("doctor")) {
      return new Invocation.Exit(DoctorArguments.run(list.subList(1, list.size()), out, err));
    }
    ArgParser parser = new ArgParser(ServerOptions.ALL);
    ParsedOptions cli = parser.parse(list);
    if (!cli.positionals().isEmpty() || !cli.command().isEmpty()) {
      String first = cli.positionals().isEmpty() ? "--" : cli.positionals().get(0);
      throw new UsageException("unexpected argument '" + first + "'");
    }
    if (cli.get(ServerOptions.HELP)) {
      out.print(usage());
      out.flush();
      return new Invocation.Exit(0);
    }
    if (cli.get(ServerOptions.VERSION)) {
      out.println(Version.text());
      return new Invocation.Exit(0);
    }
    ParsedOptions merged = withFile(cli, parser);
    AppConfig config = ServerOptions.toConfig(merged);
    return new Invocation.Run(
        config, merged.get(ServerOptions.CHECK), ConfigSnapshot.of(list, config, merged));
  }

  /**
   * Parses a server command line again, for a reload: the same rules as {@link #parse}, without
   * subcommands, help or printing.
   */
  static ConfigSnapshot snapshot(List<String> args) throws UsageException {
    ArgParser parser = new ArgParser(ServerOptions.ALL);
    ParsedOptions merged = withFile(parser.parse(args), parser);
    return ConfigSnapshot.of(args, ServerOptions.toConfig(merged), merged);
  }

  private static ParsedOptions withFile(ParsedOptions cli, ArgParser parser) throws UsageException {
    if (!cli.given(ServerOptions.CONFIG)) {
      return cli;
    }
    return cli.over(ConfigFile.read(cli.get(ServerOptions.CONFIG), parser));
  }

  /** Prints the usage text to the error writer, after a usage error. */
  public void printUsage() {
    err.print(usage());
    err.flush();
  }

  /** The text of {@code socksgate --help}. */
  static String usage() {
    return Usage.render(
        List.of(
            "socksgate [OPTION]...",
            "socksgate passwd [OPTION]... USERNAME",
            "socksgate bench SCENARIO [OPTION]... [-- COMMAND...]",
            "socksgate doctor --proxy ADDR:PORT [OPTION]..."),
        DESCRIPTION,
        ServerOptions.ALL);
  }
}
