package dev.socksgate.app.bench;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.core.model.HostNames;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A validated bench run. Every run is bounded: in time by {@code timeout} (and the churn window),
 * in count by the limits checked here; and it talks to loopback only: the proxy must be a loopback
 * IP literal (no name is ever resolved by the generator), the origin is on 127.0.0.1.
 *
 * @param scenario bulk, churn, pingpong, idle or startup
 * @param proxy the SOCKS5 server under test; ignored with {@code direct}
 * @param direct run without a proxy (the baseline)
 * @param threads generator threads (each with its own origin)
 * @param timeout the most a run may take
 * @param pid the process to sample (CPU time, RSS, threads), or 0 for none
 * @param streams bulk: parallel tunnels
 * @param mib bulk: MiB each tunnel uploads, and downloads at the same time
 * @param workers churn: connections in flight
 * @param duration churn: the measured window
 * @param warmup churn: the unmeasured time before it
 * @param connectBy churn: how CONNECT names the origin: ipv4, name ({@code localhost}) or both
 * @param messages pingpong: measured round trips (after {@code messages / 10} unmeasured ones)
 * @param size pingpong: bytes per message
 * @param tunnels idle: tunnels held open at the end
 * @param steps idle: how many steps to reach them (sampled after each)
 * @param settle idle: the wait before each sample
 * @param repeat startup: how many times to start the server
 * @param command startup: the server's command line
 */
public record BenchOptions(
    String scenario,
    InetSocketAddress proxy,
    boolean direct,
    int threads,
    Duration timeout,
    long pid,
    int streams,
    long mib,
    int workers,
    Duration duration,
    Duration warmup,
    String connectBy,
    int messages,
    int size,
    int tunnels,
    int steps,
    Duration settle,
    int repeat,
    List<String> command) {

  /** The scenarios. */
  public static final Set<String> SCENARIOS =
      Set.of("bulk", "churn", "pingpong", "idle", "startup");

  /** The most tunnels the idle scenario holds. */
  public static final int MAX_TUNNELS = 20_000;

  /** Checks every bound; the message of the exception names the option. */
  public BenchOptions {
    command = List.copyOf(command);
    require(SCENARIOS.contains(scenario), "SCENARIO must be one of " + SCENARIOS + ": " + scenario);
    require(
        direct || proxy.getAddress().isLoopbackAddress(),
        "--proxy must be a loopback address: the bench sends traffic to loopback only");
    require(!(direct && scenario.equals("startup")), "startup needs a proxy, not --direct");
    require(threads >= 1 && threads <= 64, "--threads must be 1 to 64");
    require(
        between(timeout, Duration.ofSeconds(1), Duration.ofHours(1)),
        "--timeout must be 1 s to 1 h");
    require(pid >= 0, "--pid must be a process id");
    require(streams >= 1 && streams <= 1024, "--streams must be 1 to 1024");
    require(
        mib >= 1 && mib * streams <= (1L << 20),
        "--mib must be at least 1, " + "and --streams times --mib at most 1 TiB");
    require(workers >= 1 && workers <= 4096, "--workers must be 1 to 4096");
    require(
        between(duration, Duration.ofMillis(100), Duration.ofHours(1)),
        "--duration must be 100 ms to 1 h");
    require(between(warmup, Duration.ZERO, Duration.ofMinutes(10)), "--warmup must be 0 to 10 min");
    require(
        Set.of("ipv4", "name", "both").contains(connectBy),
        "--connect-by must be ipv4, name or both");
    require(messages >= 1 && messages <= 10_000_000, "--messages must be 1 to 10,000,000");
    require(size >= 1 && size <= 65_536, "--size must be 1 to 65536 bytes");
    require(tunnels >= 1 && tunnels <= MAX_TUNNELS, "--tunnels must be 1 to " + MAX_TUNNELS);
    require(
        steps >= 1 && steps <= Math.min(100, tunnels),
        "--steps must be 1 to 100, " + "and at most --tunnels");
    require(between(settle, Duration.ZERO, Duration.ofMinutes(1)), "--settle must be 0 to 1 min");
    require(repeat >= 1 && repeat <= 100, "--repeat must be 1 to 100");
    require(
        scenario.equals("startup") != command.isEmpty(),
        "startup needs the server's command line after '--'; other scenarios take none");
  }

  /**
   * Parses {@code [ADDR:]PORT}: an IPv4 literal, or IPv6 in brackets; the address defaults to
   * 127.0.0.1. Never resolves a name.
   *
   * @throws IllegalArgumentException if it is not a literal address with a port
   */
  public static InetSocketAddress parseAddress(String s) {
    String host = "127.0.0.1";
    String port = s;
    int colon = s.lastIndexOf(':');
    if (s.startsWith("[") && s.contains("]:")) {
      host = s.substring(0, s.indexOf("]:") + 1);
      port = s.substring(s.indexOf("]:") + 2);
    } else if (colon >= 0 && s.indexOf(':') == colon) {
      host = s.substring(0, colon);
      port = s.substring(colon + 1);
    } else if (colon >= 0) {
      throw new IllegalArgumentException("--proxy: put an IPv6 address in brackets: " + s);
    }
    String literal = host;
    InetAddress address =
        HostNames.parseLiteral(literal)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--proxy must be an IP literal, not a name: " + literal));
    int p;
    try {
      p = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      p = -1;
    }
    require(p >= 1 && p <= 65535, "--proxy needs a port from 1 to 65535: " + s);
    return new InetSocketAddress(address, p);
  }

  /** Returns what the report calls the target: "direct" or the proxy address. */
  String target() {
    return direct ? "direct" : proxy.getAddress().getHostAddress() + ":" + proxy.getPort();
  }

  /** Returns the route to {@code origin}: direct, or through the proxy by address or by name. */
  Route route(InetSocketAddress origin, boolean byName) {
    if (direct) {
      return Route.direct(origin);
    }
    // "localhost" comes from /etc/hosts on the proxy's side: the bench never asks DNS anything.
    SocksAddress dst =
        byName ? SocksAddress.domain("localhost") : SocksAddress.of(origin.getAddress());
    return Route.viaProxy(proxy, dst, origin.getPort());
  }

  private static boolean between(Duration d, Duration low, Duration high) {
    return d.compareTo(low) >= 0 && d.compareTo(high) <= 0;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
