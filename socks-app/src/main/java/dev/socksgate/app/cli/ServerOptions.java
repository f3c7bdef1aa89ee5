package dev.socksgate.app.cli;

import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.config.SocksPortSpec;
import dev.socksgate.app.logging.LogStartup;
import dev.socksgate.core.model.HostNames;
import dev.socksgate.core.policy.ExitPolicy;
import dev.socksgate.core.policy.SocksPolicy;
import dev.socksgate.transport.nio.NioExitConnector;
import dev.socksgate.transport.nio.NioServerConfig;
import dev.socksgate.transport.nio.NioTransport;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code socksgate} command's options, each declared once, named after Tor's option where Tor
 * has one. Defaults and limits are the owning layer's constants: the transport's for transport
 * settings. {@link #toConfig} turns parsed values into an {@link AppConfig}.
 */
final class ServerOptions {

  static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace");

  static final Option<SocksPortSpec> SOCKS_PORT =
      Option.value("socks-port", "\"[ADDR:]PORT [Flag ...]\"", SocksPortSpec::parse)
          .repeatable("")
          .byDefault(SocksPortSpec.DEFAULT_ADDRESS + ":" + SocksPortSpec.DEFAULT_PORT)
          .tor("SocksPort")
          .help(
              "A listener; repeat for more. Flags as Tor's SocksPort: IsolateClientAddr,"
                  + " IsolateSOCKSAuth, IsolateClientProtocol, IsolateDestPort, IsolateDestAddr,"
                  + " SessionGroup=N, PreferSOCKSNoAuth, ExtendedErrors, HTTPTunnel, ProxyProtocol; a 'No'"
                  + " prefix negates.")
          .details(
              "`ADDR` is an IPv4 literal or an IPv6 literal in brackets (`[::1]:1080`), never a"
                  + " name. Port 0 takes any free port (the start-up log names it). Flags in"
                  + " [SocksPort flags](#socksport-flags).")
          .build();

  static final Option<SocksPortSpec> HTTP_TUNNEL_PORT =
      Option.value("http-tunnel-port", "\"[ADDR:]PORT [Flag ...]\"", SocksPortSpec::parseHttpTunnel)
          .repeatable("")
          .otherwise("off")
          .tor("HTTPTunnelPort")
          .help(
              "An HTTP CONNECT listener; repeat for more. The same address syntax and flags as"
                  + " --socks-port.")
          .details(
              "Speaks HTTP CONNECT only (a `--socks-port` with the `HTTPTunnel` flag speaks both)."
                  + " See [the HTTP tunnel](operations.md#the-http-connect-tunnel).")
          .build();

  static final Option<Duration> SOCKS_TIMEOUT =
      Option.value(
              "socks-timeout", "DURATION", Converters.duration(false, NioServerConfig.MAX_DURATION))
          .byDefault(Converters.format(NioServerConfig.DEFAULT_SOCKS_TIMEOUT))
          .tor("SocksTimeout")
          .help("Close a handshake, or fail a pending request, after this long.")
          .details(
              "An unfinished handshake is closed silently; a request still waiting for its exit or"
                  + " resolver gets the timeout reply (SOCKS5 `06`, RESOLVE `05 04 00 00 …`,"
                  + " SOCKS4 `5B`).")
          .build();

  static final Option<Duration> CONNECT_TIMEOUT =
      Option.value(
              "connect-timeout",
              "DURATION",
              Converters.duration(false, NioServerConfig.MAX_DURATION))
          .byDefault(Converters.format(NioExitConnector.DEFAULT_CONNECT_TIMEOUT))
          .help("Give up an exit connection after this long.")
          .details("The client gets SOCKS5 `06` / SOCKS4 `5B`.")
          .build();

  static final Option<Duration> IDLE_TIMEOUT =
      Option.value(
              "idle-timeout", "DURATION", Converters.duration(true, NioServerConfig.MAX_DURATION))
          .byDefault("0")
          .help("Close a relay with no traffic either way for this long; 0 turns it off.")
          .build();

  static final Option<Integer> MAX_CONNECTIONS =
      Option.value("max-connections", "N", Converters.integer(1, Integer.MAX_VALUE))
          .byDefault("" + NioServerConfig.DEFAULT_MAX_CONNECTIONS)
          .help("Most client connections at once; more are closed right after accept.")
          .build();

  static final Option<Integer> MAX_CONNECTIONS_PER_ADDRESS =
      Option.value("max-connections-per-address", "N", Converters.integer(0, Integer.MAX_VALUE))
          .byDefault("0")
          .reloadable()
          .help(
              "Most connections at once from one client address (IPv6: one /64); 0 turns it"
                  + " off.")
          .details(
              "A connection over it is closed right after accept, before a byte is read or"
                  + " written. See [operations](operations.md#per-client-caps).")
          .build();

  static final Option<Integer> MAX_CONNECTIONS_PER_USER =
      Option.value("max-connections-per-user", "N", Converters.integer(0, Integer.MAX_VALUE))
          .byDefault("0")
          .reloadable()
          .help("Most authenticated connections at once per --auth-file user; 0 turns it off.")
          .details(
              "Counted from a successful login to close. A login over it gets RFC 1929 `01 01`"
                  + " (as a wrong password) and is closed. Needs --auth-file (else a start-up error).")
          .build();

  static final Option<Integer> LOOPS =
      Option.value("loops", "N", Converters.integer(1, NioTransport.MAX_LOOPS))
          .otherwise("the number of processors")
          .help("Event-loop threads; every connection lives on one.")
          .build();

  static final Option<Integer> BUFFER_SIZE =
      Option.value(
              "buffer-size",
              "BYTES",
              Converters.integer(NioServerConfig.MIN_BUFFER_SIZE, NioServerConfig.MAX_BUFFER_SIZE))
          .byDefault("" + NioServerConfig.DEFAULT_BUFFER_SIZE)
          .help("Relay buffer per direction per connection, held only while data is in flight.")
          .build();

  static final Option<Integer> BULK_BUFFER_SIZE =
      Option.value(
              "bulk-buffer-size",
              "BYTES",
              Converters.zeroOr(NioServerConfig.MIN_BUFFER_SIZE, NioServerConfig.MAX_BUFFER_SIZE))
          .byDefault("" + NioServerConfig.DEFAULT_BULK_BUFFER_SIZE)
          .help(
              "Relay buffer per direction while it streams (reads keep filling --buffer-size);"
                  + " each loop lends at most 32 MiB of them at once. 0 turns them off.")
          .details(
              "A direction streams when its previous read filled `--buffer-size`: a quarter of"
                  + " the system calls per byte for bulk transfers. A size not above"
                  + " `--buffer-size` also turns them off.")
          .build();

  static final Option<Long> BANDWIDTH_RATE =
      Option.value("bandwidth-rate", "BYTES", Converters.bytes(NioServerConfig.MAX_BANDWIDTH))
          .byDefault("0")
          .reloadable()
          .help(
              "Bytes per second per user, both directions of all the user's connections"
                  + " together. 0 (the default) for no limit.")
          .details(
              "A user is the RFC 1929 username when --auth-file is set, else the client's"
                  + " address (an IPv6 client's whole address, not its /64). A token bucket of"
                  + " --bandwidth-burst bytes refills at this rate; a relay direction that"
                  + " finds it empty stops reading until enough tokens are back. Tor's"
                  + " BandwidthRate limits the whole relay instead, so it is not the same option.")
          .build();

  static final Option<Long> BANDWIDTH_BURST =
      Option.value("bandwidth-burst", "BYTES", Converters.bytes(NioServerConfig.MAX_BANDWIDTH))
          .byDefault("0")
          .reloadable()
          .help(
              "Bucket size per user in bytes: how much may go at once after a quiet spell. 0"
                  + " (the default) means one second's worth, the rate.")
          .details(
              "Any size works: a read is capped at the tokens the bucket holds, so a burst"
                  + " smaller than --buffer-size only makes reads smaller.")
          .build();

  static final Option<Boolean> SAFE_SOCKS =
      Option.bool("safe-socks")
          .tor("SafeSocks")
          .help("Refuse requests that give only an IP address.")
          .details(
              "SOCKS4 and SOCKS5 ATYP 01/04, for CONNECT and RESOLVE: SOCKS5 `02`, SOCKS4 `5B`.")
          .build();

  static final Option<Boolean> TEST_SOCKS =
      Option.bool("test-socks")
          .tor("TestSocks")
          .help("Log, for every request, whether it was safe (gave a host name).")
          .build();

  static final Option<Boolean> SAFE_LOGGING =
      Option.bool("safe-logging")
          .byDefault("true")
          .tor("SafeLogging")
          .help(
              "Keep addresses, names and credentials out of the logs; --safe-logging=false for"
                  + " debugging.")
          .details(
              "Client addresses, destinations, host names and credentials are replaced with"
                  + " `[scrubbed]` in every log line.")
          .build();

  static final Option<Path> AUTH_FILE =
      Option.value("auth-file", "FILE", Converters::path)
          .otherwise("none")
          .reloadable()
          .help(
              "Require RFC 1929 username/password and check it against FILE (lines made by"
                  + " 'socksgate passwd USER').")
          .details(
              "Without it every credential is accepted, as in Tor, and only selects isolation."
                  + " See [Authentication file](#authentication-file).")
          .build();

  static final Option<Boolean> REJECT_INTERNAL_ADDRESSES =
      Option.bool("reject-internal-addresses")
          .otherwise("on when a listener is not on loopback, off otherwise")
          .tor("ClientRejectInternalAddresses, ClientDNSRejectInternalAddresses")
          .reloadable()
          .help("Refuse internal destinations, and reverse lookups of internal addresses.")
          .details(
              "CONNECT to `localhost`, `*.local` and internal IP literals (127/8, 10/8,"
                  + " 172.16/12, 192.168/16, 169.254/16, 100.64/10, 0/8, fc00::/7, fe80::/10,"
                  + " fec0::/10, ::, ::1) gets SOCKS5 `01`; so does RESOLVE_PTR of an internal"
                  + " address.")
          .build();

  static final Option<String> SOCKS_POLICY =
      Option.value("socks-policy", "\"accept|reject[4|6] ADDR[/MASK]\"", ServerOptions::socksRules)
          .repeatable("")
          .otherwise("every client admitted")
          .tor("SocksPolicy")
          .reloadable()
          .help("Which client addresses may connect; first match wins, no match admits.")
          .details(
              "Comma-separated entries, repeatable, in Tor's syntax: `*`, `*4`, `*6`, `private`,"
                  + " `a.b.c.d[/n]`, `[v6][/n]`; a port part is ignored, as in Tor. A refused"
                  + " client is closed right after accept, before a byte is read or written. End"
                  + " an allowlist with `reject *`. See"
                  + " [operations](operations.md#exposing-it-beyond-loopback).")
          .build();

  /** {@code --proxy-protocol-from} when absent: loopback, where a local balancer runs. */
  static final List<String> DEFAULT_PROXY_SOURCES = List.of("127.0.0.0/8", "::1");

  static final Option<String> PROXY_PROTOCOL_FROM =
      Option.value("proxy-protocol-from", "CIDR[,CIDR...]", ServerOptions::proxySource)
          .repeatable(",")
          .otherwise("loopback: 127.0.0.0/8, ::1")
          .reloadable()
          .help("The balancers allowed to send PROXY protocol headers to ProxyProtocol listeners.")
          .details(
              "Addresses or networks (`10.0.0.0/8`, `::1`, `fd00::/8`), comma-separated,"
                  + " repeatable. A connection to a ProxyProtocol listener from anywhere else is"
                  + " closed right after accept. See"
                  + " [operations](operations.md#behind-a-load-balancer).")
          .build();

  static final Option<String> EXIT_POLICY =
      Option.value("exit-policy", "\"accept|reject[4|6] TARGET:PORTS\"", ServerOptions::exitRules)
          .repeatable("")
          .otherwise("every destination accepted")
          .tor("ExitPolicy (with host-name targets added)")
          .reloadable()
          .help("Which destinations clients may reach; first match wins, no match accepts.")
          .details(
              "Comma-separated entries, repeatable. `TARGET` as in `--socks-policy`, or a host"
                  + " name `example.com` / `*.example.com` (its subdomains); `PORTS` is `*`, `N`"
                  + " or `N-M`. A rejected name is never resolved; every address a name resolves"
                  + " to is judged too. Refusals get SOCKS5 `02`, SOCKS4 `5B`. Applies after"
                  + " `--reject-internal-addresses`. See"
                  + " [operations](operations.md#exit-policy).")
          .build();

  static final Option<InetSocketAddress> UPSTREAM =
      Option.value("upstream", "socks5://ADDR:PORT", ServerOptions::upstream)
          .otherwise("none (direct exit)")
          .tor("Socks5Proxy (roughly)")
          .help(
              "Exit through this SOCKS5 proxy (such as a local Tor) instead of connecting"
                  + " directly.")
          .details(
              "Every stream and every lookup goes upstream, with credentials derived from each"
                  + " stream's isolation key; names are never resolved locally. `ADDR` is an IP"
                  + " literal (`[::1]` for IPv6). See"
                  + " [operations](operations.md#in-front-of-a-local-tor).")
          .build();

  static final Option<InetAddress> EXIT_BIND =
      Option.value("exit-bind", "ADDR[,ADDR...]", ServerOptions::literal)
          .repeatable(",")
          .otherwise("none (the system picks)")
          .tor("OutboundBindAddressExit (roughly)")
          .help(
              "Source addresses for the direct exit; each isolation key keeps leaving from one of"
                  + " them.")
          .details(
              "The first stream of an isolation key leaves from the next address of the"
                  + " destination's family (round robin); later streams of that key leave from"
                  + " the same one. Not combinable with `--upstream`.")
          .build();

  static final Option<InetSocketAddress> CONTROL_PORT =
      Option.value("control-port", "ADDR:PORT", SocksPortSpec::parseAddress)
          .otherwise("off")
          .tor("ControlPort")
          .help(
              "Serve a subset of Tor's control protocol (SIGNAL NEWNYM, SIGNAL RELOAD) on this"
                  + " loopback address.")
          .details("See [New identity](#new-identity-tors-newnym).")
          .build();

  static final Option<Path> CONTROL_COOKIE_FILE =
      Option.value("control-cookie-file", "FILE", Converters::path)
          .otherwise("socksgate-control.cookie in the temporary directory")
          .tor("CookieAuthFile")
          .help("Where the control port's authentication cookie is written.")
          .details("Written at start-up (mode 0600) and deleted at stop.")
          .build();

  static final Option<Path> CONFIG =
      Option.value("config", "FILE", Converters::path)
          .otherwise("none")
          .commandLineOnly()
          .tor("-f")
          .help("Read options from FILE first: one 'key value' per line; the command line wins.")
          .build();

  static final Option<String> LOG_LEVEL =
      Option.value("log-level", "LEVEL", Converters.oneOf(LEVELS))
          .byDefault(LogStartup.DEFAULT_LEVEL)
          .tor("Log")
          .reloadable()
          .help("error, warn, info, debug or trace.")
          .build();

  static final Option<Boolean> CHECK =
      Option.flag("check")
          .tor("--verify-config")
          .help("Build everything, bind nothing, print the configuration, exit 0.")
          .build();

  static final Option<Boolean> HELP =
      Option.flag("help").alias("h").help("Print this help and exit.").build();

  static final Option<Boolean> VERSION =
      Option.flag("version").alias("V").help("Print the version and exit.").build();

  /** Every option, in the order help and docs list them. */
  static final List<Option<?>> ALL =
      List.of(
          SOCKS_PORT,
          HTTP_TUNNEL_PORT,
          SOCKS_TIMEOUT,
          CONNECT_TIMEOUT,
          IDLE_TIMEOUT,
          MAX_CONNECTIONS,
          MAX_CONNECTIONS_PER_ADDRESS,
          MAX_CONNECTIONS_PER_USER,
          LOOPS,
          BUFFER_SIZE,
          BULK_BUFFER_SIZE,
          BANDWIDTH_RATE,
          BANDWIDTH_BURST,
          SAFE_SOCKS,
          TEST_SOCKS,
          SAFE_LOGGING,
          AUTH_FILE,
          REJECT_INTERNAL_ADDRESSES,
          SOCKS_POLICY,
          PROXY_PROTOCOL_FROM,
          EXIT_POLICY,
          UPSTREAM,
          EXIT_BIND,
          CONTROL_PORT,
          CONTROL_COOKIE_FILE,
          ObservabilityOptions.METRICS_PORT,
          CONFIG,
          LOG_LEVEL,
          CHECK,
          HELP,
          VERSION);

  private ServerOptions() {}

  /**
   * Builds the configuration from parsed values.
   *
   * @throws UsageException when the values do not fit together
   */
  static AppConfig toConfig(ParsedOptions o) throws UsageException {
    List<SocksPortSpec> listeners = new java.util.ArrayList<>(o.all(SOCKS_PORT));
    listeners.addAll(o.all(HTTP_TUNNEL_PORT)); // SocksPorts first, then HTTPTunnelPorts
    boolean loopbackOnly =
        listeners.stream().allMatch(l -> l.bind().getAddress().isLoopbackAddress());
    int processors = Runtime.getRuntime().availableProcessors();
    try {
      return new AppConfig(
          listeners,
          o.get(SOCKS_TIMEOUT),
          o.get(CONNECT_TIMEOUT),
          o.get(IDLE_TIMEOUT),
          o.get(MAX_CONNECTIONS),
          o.find(LOOPS).orElse(Math.min(processors, NioTransport.MAX_LOOPS)),
          o.get(BUFFER_SIZE),
          o.get(BULK_BUFFER_SIZE),
          o.get(SAFE_SOCKS),
          o.get(TEST_SOCKS),
          o.get(SAFE_LOGGING),
          o.find(AUTH_FILE),
          o.find(REJECT_INTERNAL_ADDRESSES).orElse(!loopbackOnly),
          o.get(LOG_LEVEL),
          o.find(CONTROL_PORT),
          o.find(CONTROL_COOKIE_FILE).orElse(defaultCookieFile()),
          o.find(UPSTREAM),
          o.all(EXIT_BIND),
          SocksPolicy.parse(o.all(SOCKS_POLICY)),
          ExitPolicy.parse(o.all(EXIT_POLICY), o.find(UPSTREAM).isEmpty()),
          o.get(MAX_CONNECTIONS_PER_ADDRESS),
          o.get(MAX_CONNECTIONS_PER_USER),
          o.get(BANDWIDTH_RATE),
          o.get(BANDWIDTH_BURST),
          proxySources(o.all(PROXY_PROTOCOL_FROM)),
          ObservabilityOptions.toConfig(o));
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
  }

  private static Path defaultCookieFile() {
    return Path.of(System.getProperty("java.io.tmpdir"), "socksgate-control.cookie")
        .toAbsolutePath();
  }

  /** Parses {@code socks5://ADDR:PORT}; the address must be a literal (no lookup at start-up). */
  static InetSocketAddress upstream(String uri) {
    String prefix = "socks5://";
    if (!uri.toLowerCase(Locale.ROOT).startsWith(prefix)) {
      throw new IllegalArgumentException("must look like socks5://127.0.0.1:9050");
    }
    String rest = uri.substring(prefix.length());
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    if (rest.indexOf(':') < 0 || rest.endsWith(":")) {
      throw new IllegalArgumentException("needs an address and a port: " + uri);
    }
    InetSocketAddress a = SocksPortSpec.parseAddress(rest);
    if (a.getPort() == 0) {
      throw new IllegalArgumentException("needs a non-zero port: " + uri);
    }
    return a;
  }

  /** Checks one {@code --socks-policy} value; the policy is built from all of them. */
  static String socksRules(String value) {
    SocksPolicy.parse(List.of(value));
    return value;
  }

  /**
   * Turns one {@code --proxy-protocol-from} entry, {@code ADDR[/BITS]}, into an accept rule in
   * Tor's policy syntax (IPv6 in brackets there).
   */
  static String proxySource(String value) {
    String v = value.strip();
    int slash = v.indexOf('/');
    String addr = slash < 0 ? v : v.substring(0, slash);
    String bits = slash < 0 ? "" : v.substring(slash);
    if (addr.startsWith("[") && addr.endsWith("]")) {
      addr = addr.substring(1, addr.length() - 1);
    }
    InetAddress a = literal(addr);
    String rule = "accept " + (a instanceof Inet6Address ? "[" + addr + "]" : addr) + bits;
    SocksPolicy.parse(List.of(rule)); // checks the mask
    return rule;
  }

  /** The trusted PROXY sources as a policy: the given networks (or loopback), nothing else. */
  static SocksPolicy proxySources(List<String> rules) {
    List<String> all = new ArrayList<>(rules);
    if (all.isEmpty()) {
      DEFAULT_PROXY_SOURCES.forEach(d -> all.add(proxySource(d)));
    }
    all.add("reject *");
    return SocksPolicy.parse(all);
  }

  /** Checks one {@code --exit-policy} value; the policy is built from all of them. */
  static String exitRules(String value) {
    ExitPolicy.parse(List.of(value), true);
    return value;
  }

  static InetAddress literal(String s) {
    return HostNames.parseLiteral(s.strip())
        .orElseThrow(() -> new IllegalArgumentException("takes IP addresses: " + s));
  }
}
