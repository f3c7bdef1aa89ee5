package dev.socksgate.app.config;

import dev.socksgate.core.model.IsolationFlags;
import dev.socksgate.core.model.ListenerProtocols;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One {@code --socks-port} value, parsed as Tor parses a SocksPort line: {@code [ADDR:]PORT [Flag
 * ...]}. Flags are case-insensitive, a {@code No} prefix turns one off, a trailing plural {@code s}
 * is ignored, and the last mention of a flag wins (Tor reference §13 (docs/tor-reference.md)).
 *
 * @param bind the address and port to listen on (port 0: any free port)
 * @param isolation the isolation flags
 * @param sessionGroup the explicit SessionGroup, if given
 * @param preferNoAuth PreferSOCKSNoAuth as given (Tor also forces it when IsolateSOCKSAuth is off)
 * @param extendedErrors ExtendedErrors
 * @param protocols what the listener speaks: SOCKS; SOCKS and HTTP CONNECT with the {@code
 *     HTTPTunnel} flag; HTTP CONNECT alone for an {@code --http-tunnel-port} (Tor's HTTPTunnelPort,
 *     {@link #parseHttpTunnel})
 * @param proxyProtocol ProxyProtocol (ours, not Tor's): every connection starts with a PROXY
 *     protocol header (v1 or v2) from a {@code --proxy-protocol-from} source, and the address it
 *     carries is the client's
 */
public record SocksPortSpec(
    InetSocketAddress bind,
    IsolationFlags isolation,
    OptionalInt sessionGroup,
    boolean preferNoAuth,
    boolean extendedErrors,
    ListenerProtocols protocols,
    boolean proxyProtocol) {

  /** The default listener address when none is given. */
  public static final String DEFAULT_ADDRESS = "127.0.0.1";

  /** The default port: 1080, the SOCKS port of RFC 1928. */
  public static final int DEFAULT_PORT = 1080;

  /** The largest explicit SessionGroup; larger numbers are reserved for automatic groups. */
  public static final int MAX_SESSION_GROUP = 999_999;

  /** Validates the fields. */
  public SocksPortSpec {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(isolation, "isolation");
    Objects.requireNonNull(sessionGroup, "sessionGroup");
    Objects.requireNonNull(protocols, "protocols");
  }

  /** Returns the default listener: 127.0.0.1:1080 with Tor's default flags. */
  public static SocksPortSpec defaults() {
    return parse(DEFAULT_ADDRESS + ":" + DEFAULT_PORT);
  }

  /**
   * Parses a SocksPort value.
   *
   * @throws IllegalArgumentException with a one-line message naming what is wrong
   */
  public static SocksPortSpec parse(String value) {
    String[] words = value.trim().split("\\s+", -1);
    if (words.length == 0 || words[0].isEmpty()) {
      throw new IllegalArgumentException("empty SocksPort value");
    }
    InetSocketAddress bind = parseAddress(words[0]);
    FlagSet flags = new FlagSet();
    for (int i = 1; i < words.length; i++) {
      flags.apply(words[i]);
    }
    return new SocksPortSpec(
        bind,
        flags.isolation(),
        flags.sessionGroup,
        flags.preferNoAuth,
        flags.extendedErrors,
        flags.httpTunnel ? ListenerProtocols.SOCKS_AND_HTTP : ListenerProtocols.SOCKS,
        flags.proxyProtocol);
  }

  /**
   * Parses an {@code --http-tunnel-port} value (Tor's HTTPTunnelPort): the same syntax and flags as
   * a SocksPort; the listener speaks HTTP CONNECT only, whatever {@code HTTPTunnel} says.
   *
   * @throws IllegalArgumentException with a one-line message naming what is wrong
   */
  public static SocksPortSpec parseHttpTunnel(String value) {
    SocksPortSpec s = parse(value);
    return new SocksPortSpec(
        s.bind,
        s.isolation,
        s.sessionGroup,
        s.preferNoAuth,
        s.extendedErrors,
        ListenerProtocols.HTTP,
        s.proxyProtocol);
  }

  /** Parses {@code [ADDR:]PORT} (IPv6 in brackets); the address defaults to 127.0.0.1. */
  public static InetSocketAddress parseAddress(String s) {
    String host = DEFAULT_ADDRESS;
    String port = s;
    if (s.startsWith("[")) {
      int end = s.indexOf("]:");
      if (end < 0) {
        throw new IllegalArgumentException("IPv6 listener must look like [::1]:1080: " + s);
      }
      host = s.substring(1, end);
      port = s.substring(end + 2);
    } else if (s.indexOf(':') >= 0) {
      if (s.indexOf(':') != s.lastIndexOf(':')) {
        throw new IllegalArgumentException("put an IPv6 address in brackets: [" + s + "]");
      }
      host = s.substring(0, s.indexOf(':'));
      port = s.substring(s.indexOf(':') + 1);
    }
    return new InetSocketAddress(literal(host), parsePort(port, s));
  }

  private static int parsePort(String port, String whole) {
    try {
      int p = Integer.parseInt(port);
      if (p < 0 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in SocksPort value: " + whole);
    }
  }

  private static InetAddress literal(String host) {
    return dev.socksgate.core.model.HostNames.parseLiteral(
            host.contains(":") ? "[" + host + "]" : host)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "listener address must be an IP literal, not a name: " + host));
  }

  /** Accumulates flags left to right; the last mention wins. */
  private static final class FlagSet {
    boolean clientAddr = true;
    boolean socksAuth = true;
    boolean clientProtocol;
    boolean destPort;
    boolean destAddr;
    boolean preferNoAuth;
    boolean extendedErrors;
    boolean httpTunnel;
    boolean proxyProtocol;
    OptionalInt sessionGroup = OptionalInt.empty();

    void apply(String word) {
      String lower = word.toLowerCase(Locale.ROOT);
      if (lower.startsWith("sessiongroup=")) {
        sessionGroup = OptionalInt.of(group(word.substring("sessiongroup=".length())));
        return;
      }
      boolean on = !lower.startsWith("no");
      String name = on ? lower : lower.substring(2);
      if (name.endsWith("s")) {
        name = name.substring(0, name.length() - 1);
      }
      switch (name) {
        case "isolateclientaddr" -> clientAddr = on;
        case "isolatesocksauth" -> socksAuth = on;
        case "isolateclientprotocol" -> clientProtocol = on;
        case "isolatedestport" -> destPort = on;
        case "isolatedestaddr" -> destAddr = on;
        case "prefersocksnoauth" -> preferNoAuth = on;
        case "extendederror" -> extendedErrors = on;
        case "httptunnel" -> httpTunnel = on;
        case "proxyprotocol" -> proxyProtocol = on;
        default -> throw new IllegalArgumentException("unknown SocksPort flag: " + word);
      }
    }

    IsolationFlags isolation() {
      return new IsolationFlags(clientAddr, socksAuth, clientProtocol, destPort, destAddr);
    }

    private static int group(String n) {
      try {
        int g = Integer.parseInt(n);
        if (g < 0 || g > MAX_SESSION_GROUP) {
          throw new NumberFormatException();
        }
        return g;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "SessionGroup must be a number from 0 to " + MAX_SESSION_GROUP + ": " + n);
      }
    }
  }
}
