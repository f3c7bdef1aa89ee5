package dev.socksgate.app.config;

import dev.socksgate.core.policy.ExitPolicy;
import dev.socksgate.core.policy.SocksPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server needs to start, resolved from the command line and the config file.
 *
 * @param listeners the SocksPorts, at least one
 * @param socksTimeout Tor's SocksTimeout: the longest a handshake or a pending request may take
 * @param connectTimeout the longest an exit connect may take
 * @param idleTimeout close a relay idle this long; {@link Duration#ZERO} turns it off
 * @param maxConnections the most client connections open at once
 * @param loops event-loop threads
 * @param bufferSize bytes per relay direction
 * @param bulkBufferSize bytes per relay direction while it streams; 0 for none
 * @param safeSocks Tor's SafeSocks
 * @param testSocks Tor's TestSocks: log the safety of every request
 * @param safeLogging Tor's SafeLogging: no address, name or credential in any log line
 * @param authFile require and verify RFC 1929 credentials against this file
 * @param rejectInternalAddresses Tor's ClientRejectInternalAddresses (and its DNS twin)
 * @param logLevel the root log level
 * @param controlPort where to serve the control protocol (NEWNYM), if anywhere; loopback only
 * @param controlCookieFile where to write the control cookie
 * @param upstream exit through this SOCKS5 proxy (such as a local Tor) instead of directly
 * @param exitBind source addresses for the direct exit, chosen per isolation key; empty: the
 *     system's choice
 * @param socksPolicy Tor's SocksPolicy: which client addresses are served
 * @param exitPolicy Tor's ExitPolicy, with host names: which destinations are allowed
 * @param maxConnectionsPerAddress live connections per client address (IPv6: per /64); 0 = off
 * @param maxConnectionsPerUser live authenticated connections per auth-file user; 0 = off
 * @param bandwidthRate bytes per second per user (username or client address); 0 for no limit
 * @param bandwidthBurst the per-user bucket size in bytes; 0 for the rate
 * @param proxyProtocolFrom the sources trusted to send PROXY protocol headers to ProxyProtocol
 *     listeners, as accept rules ending in {@code reject *}
 * @param observability metrics, health and the access log
 */
public record AppConfig(
    List<SocksPortSpec> listeners,
    Duration socksTimeout,
    Duration connectTimeout,
    Duration idleTimeout,
    int maxConnections,
    int loops,
    int bufferSize,
    int bulkBufferSize,
    boolean safeSocks,
    boolean testSocks,
    boolean safeLogging,
    Optional<Path> authFile,
    boolean rejectInternalAddresses,
    String logLevel,
    Optional<InetSocketAddress> controlPort,
    Path controlCookieFile,
    Optional<InetSocketAddress> upstream,
    List<InetAddress> exitBind,
    SocksPolicy socksPolicy,
    ExitPolicy exitPolicy,
    int maxConnectionsPerAddress,
    int maxConnectionsPerUser,
    long bandwidthRate,
    long bandwidthBurst,
    SocksPolicy proxyProtocolFrom,
    ObservabilityConfig observability) {

  /** Validates the fields. */
  public AppConfig {
    listeners = List.copyOf(listeners);
    if (listeners.isEmpty()) {
      throw new IllegalArgumentException("at least one --socks-port is needed");
    }
    Objects.requireNonNull(socksTimeout, "socksTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(authFile, "authFile");
    Objects.requireNonNull(logLevel, "logLevel");
    Objects.requireNonNull(controlPort, "controlPort");
    Objects.requireNonNull(controlCookieFile, "controlCookieFile");
    Objects.requireNonNull(upstream, "upstream");
    exitBind = List.copyOf(exitBind);
    Objects.requireNonNull(socksPolicy, "socksPolicy");
    Objects.requireNonNull(exitPolicy, "exitPolicy");
    Objects.requireNonNull(proxyProtocolFrom, "proxyProtocolFrom");
    Objects.requireNonNull(observability, "observability");
    if (bandwidthRate < 0 || bandwidthBurst < 0) {
      throw new IllegalArgumentException("--bandwidth-rate and --bandwidth-burst must be >= 0");
    }
    if (upstream.isPresent() && !exitBind.isEmpty()) {
      throw new IllegalArgumentException("--exit-bind applies to the direct exit, not --upstream");
    }
    if (maxConnectionsPerAddress < 0 || maxConnectionsPerUser < 0) {
      throw new IllegalArgumentException("per-client connection limits must be 0 (off) or more");
    }
    if (maxConnectionsPerUser > 0 && authFile.isEmpty()) {
      // Without an auth file every credential is accepted (Tor's rule), so a "user" is whatever
      // name a client makes up: a per-user cap would limit nothing.
      throw new IllegalArgumentException("--max-connections-per-user needs --auth-file");
    }
    if (controlPort.isPresent() && !controlPort.get().getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("--control-port must be a loopback address");
    }
    // Ranges (buffer sizes, loops, timeouts) are checked where the options are declared, with the
    // owning layer's constants, and again by the layer itself (NioServerConfig, NioTransport).
  }
}
