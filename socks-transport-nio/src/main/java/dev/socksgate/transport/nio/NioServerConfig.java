package dev.socksgate.transport.nio;

import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.policy.ClientLimits;
import dev.socksgate.core.policy.ConnectionLimit;
import dev.socksgate.core.port.Authenticator;
import dev.socksgate.core.port.ClientPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every limit and setting of a {@link NioSocksServer}, with defaults ({@link #builder()}).
 *
 * @param listeners the addresses to listen on, at least one
 * @param bufferSize bytes per relay buffer (one per direction, borrowed only while it holds data);
 *     1 KiB to 16 MiB, default 64 KiB
 * @param bulkBufferSize bytes per relay buffer while a direction streams (its reads keep filling a
 *     {@code bufferSize} buffer): fewer system calls per byte for bulk transfers. Each loop lends
 *     at most {@value #BULK_BYTES_PER_LOOP} bytes of them at once; beyond that, streams use {@code
 *     bufferSize} buffers. 0 turns them off, as does any size not above {@code bufferSize}; else 1
 *     KiB to 16 MiB, default 256 KiB
 * @param maxConnections the most client connections at once; more are closed right after accept
 * @param backlog the listen backlog of each listener
 * @param socksTimeout Tor's SocksTimeout (default 2 minutes): an unfinished handshake is closed
 *     silently when it passes; it starts again when the request is complete, and a request still
 *     pending then gets the TIMED_OUT reply
 * @param idleTimeout a relay with no byte in either direction for this long is closed; {@link
 *     Duration#ZERO} (the default) for never
 * @param closeLinger how long a closing connection may take to write its last reply, and then to
 *     see the client's EOF after our FIN (default 2 s). The wait avoids closing with unread input,
 *     which would send a reset that can destroy the reply; zero closes right after the FIN
 * @param handshake the handshake options (authentication required, SafeSocks)
 * @param authenticator verifies RFC 1929 credentials; required when {@code
 *     handshake.requireAuthentication()}
 * @param events the hook for what the server reports
 * @param clientPolicy which client addresses are served at all
 * @param clientLimits live connections per client address and per RFC 1929 user; live: the server
 *     reads the limits through it
 * @param bandwidthRate bytes per second per user (RFC 1929 username with an authenticator, else
 *     client address), both directions of all the user's relays together; 0 (the default) for no
 *     limit; at most {@value #MAX_BANDWIDTH}
 * @param bandwidthBurst the user's bucket size in bytes; 0 means the rate (one second's worth).
 *     Reads are capped at the tokens there are, so any burst works; at most {@value #MAX_BANDWIDTH}
 * @param proxyProtocolFrom the sources trusted to send PROXY protocol headers to {@link
 *     ListenerConfig#proxyProtocol()} listeners (default: loopback, 127.0.0.0/8 and ::1); a
 *     connection from any other source to such a listener is closed right after accept
 * @param proxyHeaderTimeout how long a connection to a {@code proxyProtocol} listener may take to
 *     send its whole header before it is closed without a reply (default {@link
 *     #DEFAULT_PROXY_HEADER_TIMEOUT}); positive, at most a day
 */
public record NioServerConfig(
    List<ListenerConfig> listeners,
    int bufferSize,
    int bulkBufferSize,
    int maxConnections,
    int backlog,
    Duration socksTimeout,
    Duration idleTimeout,
    Duration closeLinger,
    HandshakeOptions handshake,
    Optional<Authenticator> authenticator,
    ServerEvents events,
    ClientPolicy clientPolicy,
    ClientLimits clientLimits,
    long bandwidthRate,
    long bandwidthBurst,
    ClientPolicy proxyProtocolFrom,
    Duration proxyHeaderTimeout) {

  /** The largest bandwidth rate or burst: 1 TiB (per second). */
  public static final long MAX_BANDWIDTH = 1L << 40;

  /** The default relay buffer size: 64 KiB. */
  public static final int DEFAULT_BUFFER_SIZE = 64 * 1024;

  /** The smallest relay buffer: 1 KiB. */
  public static final int MIN_BUFFER_SIZE = 1024;

  /** The largest relay buffer, plain or bulk: 16 MiB. */
  public static final int MAX_BUFFER_SIZE = 16 << 20;

  /** The default bulk relay buffer size: 256 KiB. */
  public static final int DEFAULT_BULK_BUFFER_SIZE = 256 * 1024;

  /** The most bytes of bulk buffers one event loop lends at once: 32 MiB. */
  public static final int BULK_BYTES_PER_LOOP = 32 << 20;

  /** The default connection cap. */
  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

  /** The default listen backlog. */
  public static final int DEFAULT_BACKLOG = 512;

  /** Tor's default SocksTimeout. */
  public static final Duration DEFAULT_SOCKS_TIMEOUT = Duration.ofMinutes(2);

  /** The default close linger. */
  public static final Duration DEFAULT_CLOSE_LINGER = Duration.ofSeconds(2);

  /** The sources trusted to send PROXY headers unless configured: loopback only. */
  public static final ClientPolicy LOOPBACK = InetAddress::isLoopbackAddress;

  /**
   * How long a PROXY protocol header may take, unless configured: 5 s. A balancer sends the whole
   * header at once, right after connecting (proxy-protocol.txt §2: it fits the smallest TCP
   * segment); the spec asks receivers that time out to allow "at least 3 seconds to cover a TCP
   * retransmit", and 5 s allows one retransmit with room, while a connection that sends nothing is
   * gone long before SocksTimeout (2 min) would close it.
   */
  public static final Duration DEFAULT_PROXY_HEADER_TIMEOUT = Duration.ofSeconds(5);

  /** The longest timeout or linger accepted: a day. */
  public static final Duration MAX_DURATION = Duration.ofDays(1);

  /** Validates every field. */
  public NioServerConfig {
    listeners = List.copyOf(listeners);
    Objects.requireNonNull(handshake, "handshake");
    Objects.requireNonNull(authenticator, "authenticator");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(clientPolicy, "clientPolicy");
    Objects.requireNonNull(clientLimits, "clientLimits");
    Objects.requireNonNull(proxyProtocolFrom, "proxyProtocolFrom");
    if (listeners.isEmpty()) {
      throw new IllegalArgumentException("at least one listener is needed");
    }
    check(
        bufferSize >= MIN_BUFFER_SIZE && bufferSize <= MAX_BUFFER_SIZE,
        "bufferSize must be 1 KiB to 16 MiB");
    check(
        bulkBufferSize == 0
            || (bulkBufferSize >= MIN_BUFFER_SIZE && bulkBufferSize <= MAX_BUFFER_SIZE),
        "bulkBufferSize must be 0 (off) or 1 KiB to 16 MiB");
    check(
        bandwidthRate >= 0 && bandwidthRate <= MAX_BANDWIDTH,
        "bandwidthRate must be 0 (off) to 1 TiB");
    check(
        bandwidthBurst >= 0 && bandwidthBurst <= MAX_BANDWIDTH,
        "bandwidthBurst must be 0 (the rate) to 1 TiB");
    check(maxConnections >= 1, "maxConnections must be at least 1");
    check(backlog >= 1, "backlog must be at least 1");
    check(isWithin(socksTimeout, false), "socksTimeout must be positive, at most a day");
    check(isWithin(idleTimeout, true), "idleTimeout must be zero or positive, at most a day");
    check(isWithin(closeLinger, true), "closeLinger must be zero or positive, at most a day");
    check(
        isWithin(proxyHeaderTimeout, false), "proxyHeaderTimeout must be positive, at most a day");
    check(
        !handshake.requireAuthentication() || authenticator.isPresent(),
        "requireAuthentication needs an authenticator");
  }

  /** Returns a builder with every default and no listener. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the bucket size in effect: the burst, or the rate when the burst is 0. */
  public long effectiveBandwidthBurst() {
    return bandwidthBurst == 0 ? bandwidthRate : bandwidthBurst;
  }

  private static boolean isWithin(Duration d, boolean zeroAllowed) {
    return d != null
        && !d.isNegative()
        && (zeroAllowed || !d.isZero())
        && d.compareTo(MAX_DURATION) <= 0;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builds a config; not thread-safe. */
  public static final class Builder {
    private final List<ListenerConfig> listeners = new ArrayList<>();
    private int bufferSize = DEFAULT_BUFFER_SIZE;
    private int bulkBufferSize = DEFAULT_BULK_BUFFER_SIZE;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private int backlog = DEFAULT_BACKLOG;
    private Duration socksTimeout = DEFAULT_SOCKS_TIMEOUT;
    private Duration idleTimeout = Duration.ZERO;
    private Duration closeLinger = DEFAULT_CLOSE_LINGER;
    private HandshakeOptions handshake = HandshakeOptions.TOR_DEFAULTS;
    private Optional<Authenticator> authenticator = Optional.empty();
    private ServerEvents events = ServerEvents.NONE;
    private ClientPolicy clientPolicy = ClientPolicy.ADMIT_ALL;
    private ClientLimits clientLimits = ClientLimits.off();
    private long bandwidthRate;
    private long bandwidthBurst;
    private ClientPolicy proxyProtocolFrom = LOOPBACK;
    private Duration proxyHeaderTimeout = DEFAULT_PROXY_HEADER_TIMEOUT;

    private Builder() {}

    /** Adds a listener. */
    public Builder listener(ListenerConfig listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Adds a listener on {@code bind} with {@code settings}. */
    public Builder listener(InetSocketAddress bind, ListenerSettings settings) {
      return listener(new ListenerConfig(bind, settings));
    }

    /** Sets the relay buffer size. */
    public Builder bufferSize(int bytes) {
      this.bufferSize = bytes;
      return this;
    }

    /** Sets the bulk relay buffer size; 0 for none. */
    public Builder bulkBufferSize(int bytes) {
      this.bulkBufferSize = bytes;
      return this;
    }

    /** Sets the connection cap. */
    public Builder maxConnections(int max) {
      this.maxConnections = max;
      return this;
    }

    /** Sets the listen backlog. */
    public Builder backlog(int backlog) {
      this.backlog = backlog;
      return this;
    }

    /** Sets Tor's SocksTimeout. */
    public Builder socksTimeout(Duration timeout) {
      this.socksTimeout = timeout;
      return this;
    }

    /** Sets the relay idle timeout; zero for none. */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = timeout;
      return this;
    }

    /** Sets the close linger. */
    public Builder closeLinger(Duration linger) {
      this.closeLinger = linger;
      return this;
    }

    /** Sets the handshake options. */
    public Builder handshake(HandshakeOptions options) {
      this.handshake = options;
      return this;
    }

    /** Sets the authenticator. */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = Optional.of(authenticator);
      return this;
    }

    /** Sets the events hook. */
    public Builder events(ServerEvents events) {
      this.events = events;
      return this;
    }

    /**
     * Sets which client addresses are served (Tor's SocksPolicy); the others are closed right after
     * accept, before a byte is read or written.
     */
    public Builder clientPolicy(ClientPolicy policy) {
      this.clientPolicy = policy;
      return this;
    }

    /**
     * Sets the per-client connection limits (default: both off). The server counts through this
     * object, so {@link ConnectionLimit#setLimit} on it changes a limit while the server runs.
     */
    public Builder clientLimits(ClientLimits limits) {
      this.clientLimits = limits;
      return this;
    }

    /** Returns the validated config. */
    public NioServerConfig build() {
      return new NioServerConfig(
          listeners,
          bufferSize,
          bulkBufferSize,
          maxConnections,
          backlog,
          socksTimeout,
          idleTimeout,
          closeLinger,
          handshake,
          authenticator,
          events,
          clientPolicy,
          clientLimits,
          bandwidthRate,
          bandwidthBurst,
          proxyProtocolFrom,
          proxyHeaderTimeout);
    }

    /**
     * Sets the sources trusted to send PROXY protocol headers (default {@link #LOOPBACK}); read for
     * every connection to a {@code proxyProtocol} listener, so a live policy changes it while the
     * server runs.
     */
    public Builder proxyProtocolFrom(ClientPolicy trusted) {
      this.proxyProtocolFrom = trusted;
      return this;
    }

    /** Sets how long a PROXY protocol header may take (default 5 s). */
    public Builder proxyHeaderTimeout(Duration timeout) {
      this.proxyHeaderTimeout = timeout;
      return this;
    }

    /**
     * Sets the per-user bandwidth limit (default none).
     *
     * @param rate bytes per second, 0 for none
     * @param burst the bucket size, 0 for the rate
     */
    public Builder bandwidth(long rate, long burst) {
      this.bandwidthRate = rate;
      this.bandwidthBurst = burst;
      return this;
    }
  }
}
