package dev.socksgate.app.cli;

import dev.socksgate.app.bench.BenchOptions;
import dev.socksgate.app.doctor.Doctor;
import dev.socksgate.app.doctor.DoctorOptions;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.Durations;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The options of {@code socksgate doctor}, declared like the server's, and the step from parsed
 * values to {@link DoctorOptions}.
 */
final class DoctorArguments {

  static final Option<String> PROXY =
      Option.value("proxy", "ADDR:PORT", Function.identity())
          .help(
              "Required: the SOCKS server under test, an IP literal and port of this machine (its"
                  + " destinations are the doctor's loopback origin).")
          .build();
  static final Option<String> USER =
      Option.value("user", "USERNAME", Function.identity())
          .otherwise("none")
          .help("RFC 1929 username for every SOCKS5 check; enables the rfc1929 checks.")
          .build();
  static final Option<String> PASS =
      Option.value("pass", "PASSWORD", Function.identity())
          .otherwise("none")
          .help("The password that goes with --user (visible to other local users in ps).")
          .build();
  static final Option<Duration> TIMEOUT =
      Option.value("timeout", "DURATION", Durations::parse)
          .byDefault("5 s")
          .help("The most each check may take, connects and reads included.")
          .build();

  static final List<Option<?>> ALL = List.of(PROXY, USER, PASS, TIMEOUT, ServerOptions.HELP);

  private static final String DESCRIPTION =
      "Check a SOCKS server on this machine (SocksGate, Tor's SocksPort, any other) for what"
          + " clients need, against a built-in origin on 127.0.0.1 and ::1: one line per check"
          + " (PASS, FAIL or SKIP and why), then a summary. Exit status 0 when every check that"
          + " applies passed, 1 otherwise, 2 for bad options. See docs/operations.md.";

  private DoctorArguments() {}

  /** The text of {@code socksgate doctor --help}. */
  static String usage() {
    return Usage.render(
        List.of("socksgate doctor --proxy ADDR:PORT [OPTION]..."), DESCRIPTION, ALL);
  }

  /**
   * Runs {@code socksgate doctor} with {@code args} (after the word "doctor").
   *
   * @return the exit status: 0 when every check that applies passed, 1 otherwise, 2 for bad options
   */
  static int run(List<String> args, PrintWriter out, PrintWriter err) {
    return new Subcommand("doctor", usage(), ALL)
        .run(args, out, err, parsed -> Doctor.run(options(parsed), out));
  }

  static DoctorOptions options(ParsedOptions o) throws UsageException {
    if (!o.positionals().isEmpty() || !o.command().isEmpty()) {
      String first = o.positionals().isEmpty() ? "--" : o.positionals().get(0);
      throw new UsageException("unexpected argument '" + first + "'");
    }
    Optional<String> proxy = o.find(PROXY);
    if (proxy.isEmpty()) {
      throw new UsageException("--proxy ADDR:PORT is required");
    }
    Optional<String> user = o.find(USER);
    Optional<String> pass = o.find(PASS);
    if (user.isPresent() != pass.isPresent()) {
      throw new UsageException("give --user and --pass together");
    }
    try {
      InetSocketAddress address = BenchOptions.parseAddress(proxy.get());
      if (!onThisMachine(address.getAddress())) {
        throw new UsageException(
            "--proxy must be an address of this machine: the server under test has to reach the"
                + " doctor's loopback origin");
      }
      Optional<Credentials.UsernamePassword> login =
          user.map(
              u ->
                  new Credentials.UsernamePassword(
                      u.getBytes(StandardCharsets.UTF_8),
                      pass.orElseThrow().getBytes(StandardCharsets.UTF_8)));
      return new DoctorOptions(address, login, o.get(TIMEOUT));
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
  }

  private static boolean onThisMachine(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(a) != null;
    } catch (SocketException e) {
      return false;
    }
  }
}
