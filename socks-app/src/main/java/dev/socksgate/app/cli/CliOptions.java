package dev.socksgate.app.cli;

import dev.socksgate.transport.nio.NioServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The options of the {@code socksgate} command, named after Tor's options where Tor has one.
 * Picocli fills the fields; {@link CliParser} turns them into an {@code AppConfig}.
 */
@Command(
    name = "socksgate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = false,
    description = "A SOCKS4, SOCKS4a and SOCKS5 server that speaks Tor's SOCKS extensions.",
    subcommands = {PasswdCommand.class, dev.socksgate.app.bench.BenchCommand.class})
final class CliOptions {

  @Option(
      names = "--socks-port",
      paramLabel = "\"[ADDR:]PORT [Flag ...]\"",
      description =
          "Listener, repeatable. Flags as Tor's SocksPort: IsolateClientAddr, "
              + "IsolateSOCKSAuth, IsolateClientProtocol, IsolateDestPort, IsolateDestAddr, "
              + "SessionGroup=N, PreferSOCKSNoAuth, ExtendedErrors; 'No' prefix negates. "
              + "Default: 127.0.0.1:1080.")
  List<String> socksPorts = new ArrayList<>();

  @Option(
      names = "--socks-timeout",
      paramLabel = "DURATION",
      defaultValue = "120 s",
      description =
          "Close a handshake, or fail a pending request, after this long "
              + "(Tor's SocksTimeout). Default: ${DEFAULT-VALUE}.")
  String socksTimeout;

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      defaultValue = "30 s",
      description = "Give up an exit connection after this long. Default: ${DEFAULT-VALUE}.")
  String connectTimeout;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      defaultValue = "0",
      description = "Close a relay idle this long; 0 turns it off. Default: off.")
  String idleTimeout;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      defaultValue = "" + NioServerConfig.DEFAULT_MAX_CONNECTIONS,
      description = "Most client connections at once. Default: ${DEFAULT-VALUE}.")
  int maxConnections;

  @Option(
      names = "--loops",
      paramLabel = "N",
      description = "Event-loop threads. Default: the number of processors.")
  Integer loops;

  @Option(
      names = "--buffer-size",
      paramLabel = "BYTES",
      defaultValue = "" + NioServerConfig.DEFAULT_BUFFER_SIZE,
      description = "Relay buffer per direction. Default: ${DEFAULT-VALUE}.")
  int bufferSize;

  @Option(
      names = "--bulk-buffer-size",
      paramLabel = "BYTES",
      defaultValue = "" + NioServerConfig.DEFAULT_BULK_BUFFER_SIZE,
      description =
          "Relay buffer per direction while it streams (reads keep filling "
              + "--buffer-size); each loop lends at most 32 MiB of them at once. 0 turns them off. "
              + "Default: ${DEFAULT-VALUE}.")
  int bulkBufferSize;

  @Option(
      names = "--safe-socks",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      paramLabel = "BOOL",
      description = "Refuse requests that give only an IP address (Tor's SafeSocks).")
  boolean safeSocks;

  @Option(
      names = "--test-socks",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "false",
      paramLabel = "BOOL",
      description = "Log whether each request was safe (Tor's TestSocks).")
  boolean testSocks;

  @Option(
      names = "--safe-logging",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      paramLabel = "BOOL",
      description =
          "Keep addresses, names and credentials out of the logs (Tor's SafeLogging). "
              + "Default: on; --safe-logging=false for debugging.")
  boolean safeLogging;

  @Option(
      names = "--auth-file",
      paramLabel = "FILE",
      description =
          "Require RFC 1929 username/password and check it against FILE "
              + "(lines made by 'socksgate passwd USER').")
  Path authFile;

  @Option(
      names = "--reject-internal-addresses",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "BOOL",
      description =
          "Refuse internal destinations (Tor's ClientRejectInternalAddresses). "
              + "Default: on when a listener is not on loopback, off otherwise.")
  Boolean rejectInternalAddresses;

  @Option(
      names = "--upstream",
      paramLabel = "socks5://ADDR:PORT",
      description =
          "Exit through this SOCKS5 proxy (for example a local Tor) instead of "
              + "connecting directly: credentials derived from each stream's isolation key, names "
              + "never resolved locally, RESOLVE and RESOLVE_PTR asked upstream.")
  String upstream;

  @Option(
      names = "--exit-bind",
      paramLabel = "ADDR[,ADDR...]",
      split = ",",
      description =
          "Source addresses for the direct exit; each isolation key keeps leaving "
              + "from one of them, and different keys spread across them.")
  List<String> exitBind = new ArrayList<>();

  @Option(
      names = "--control-port",
      paramLabel = "ADDR:PORT",
      description =
          "Serve a subset of Tor's control protocol (SIGNAL NEWNYM for a new "
              + "identity) on this loopback address. Default: off.")
  String controlPort;

  @Option(
      names = "--control-cookie-file",
      paramLabel = "FILE",
      description =
          "Where the control port's authentication cookie is written. "
              + "Default: socksgate-control.cookie in the temporary directory.")
  Path controlCookieFile;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Read options from FILE: one 'key value' per line, keys as the long options.")
  Path config;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      defaultValue = "info",
      description = "error, warn, info, debug or trace. Default: ${DEFAULT-VALUE}.")
  String logLevel;

  @Option(
      names = "--check",
      description = "Build everything, bind nothing, print the configuration, exit 0.")
  boolean check;
}
