package dev.socksgate.app.logging;

import dev.socksgate.core.handshake.HandshakeError;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.policy.UnsafeSocksWarnings;
import dev.socksgate.transport.nio.ServerEvents;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the server reports, under Tor's SafeLogging: every client address, target and
 * credential goes through {@link SafeLogging}. Called on event-loop threads; only logs.
 */
public final class LoggingServerEvents implements ServerEvents {

  private static final Logger LOG = LoggerFactory.getLogger("socksgate.server");

  private final UnsafeSocksWarnings unsafeWarnings;
  private final boolean testSocks;
  private final SafeLogging safeLogging;
  private final LogThrottle policyRefusals;
  private final LogThrottle addressLimitRefusals;
  private final LogThrottle userLimitRefusals;
  private final LogThrottle shedHandshakes;
  private final LogThrottle proxyRefusals;

  /**
   * At most one line a minute about connections to ProxyProtocol listeners closed for their source
   * or their header: a misconfigured balancer or a scan repeats the same mistake on every
   * connection, and one line with a count says so.
   */
  static final long PROXY_REFUSAL_LOG_INTERVAL_NANOS = 60_000_000_000L;

  /**
   * Creates the hook.
   *
   * @param unsafeWarnings the rate limit for the unsafe-SOCKS warning
   * @param testSocks log the safety of every request (Tor's TestSocks)
   * @param safeLogging what addresses, targets and credentials print as
   * @param policyRefusals the rate limit for clients refused by {@code --socks-policy}
   * @param addressLimitRefusals the rate limit for clients over {@code
   *     --max-connections-per-address}
   * @param userLimitRefusals the rate limit for logins over {@code --max-connections-per-user}
   * @param shedHandshakes the rate limit for stalled handshakes shed at {@code --max-connections}
   */
  public LoggingServerEvents(
      UnsafeSocksWarnings unsafeWarnings,
      boolean testSocks,
      SafeLogging safeLogging,
      LogThrottle policyRefusals,
      LogThrottle addressLimitRefusals,
      LogThrottle userLimitRefusals,
      LogThrottle shedHandshakes) {
    this(
        unsafeWarnings,
        testSocks,
        safeLogging,
        policyRefusals,
        addressLimitRefusals,
        userLimitRefusals,
        shedHandshakes,
        new LogThrottle(System::nanoTime, PROXY_REFUSAL_LOG_INTERVAL_NANOS));
  }

  /**
   * Creates the hook, with {@code proxyRefusals} as the rate limit for PROXY protocol refusals
   * (untrusted sources, bad or missing headers); the other parameters as above.
   */
  public LoggingServerEvents(
      UnsafeSocksWarnings unsafeWarnings,
      boolean testSocks,
      SafeLogging safeLogging,
      LogThrottle policyRefusals,
      LogThrottle addressLimitRefusals,
      LogThrottle userLimitRefusals,
      LogThrottle shedHandshakes,
      LogThrottle proxyRefusals) {
    this.proxyRefusals = proxyRefusals;
    this.unsafeWarnings = unsafeWarnings;
    this.testSocks = testSocks;
    this.safeLogging = safeLogging;
    this.policyRefusals = policyRefusals;
    this.addressLimitRefusals = addressLimitRefusals;
    this.userLimitRefusals = userLimitRefusals;
    this.shedHandshakes = shedHandshakes;
  }

  @Override
  public void acceptFailed(InetSocketAddress listener, IOException error) {
    LOG.warn(
        "accept on {} failed ({}); pausing this listener briefly", listener, error.getMessage());
  }

  @Override
  public void connectionRejected(InetSocketAddress listener) {
    LOG.debug("connection on {} closed: the connection limit is reached", listener);
  }

  @Override
  public void connectionRefusedByPolicy(InetSocketAddress listener, InetSocketAddress client) {
    throttled(
        policyRefusals,
        false,
        "--socks-policy refused {} connection(s) on " + listener + " since the last report",
        client);
  }

  @Override
  public void connectionRefusedByAddressLimit(
      InetSocketAddress listener, InetSocketAddress client) {
    throttled(
        addressLimitRefusals,
        false,
        "--max-connections-per-address closed {} connection(s) on "
            + listener
            + " since the last report",
        client);
  }

  @Override
  public void authenticationRefusedByUserLimit(ClientInfo client) {
    throttled(
        userLimitRefusals,
        false,
        "--max-connections-per-user refused {} login(s) since the last report",
        client.remote());
  }

  @Override
  public void handshakeShed(ClientInfo client) {
    throttled(
        shedHandshakes,
        true,
        "at --max-connections: closed {} stalled handshake(s) since the last report to admit new"
            + " clients",
        client.remote());
  }

  @Override
  public void proxyHeaderUntrusted(InetSocketAddress listener, InetSocketAddress source) {
    throttled(
        proxyRefusals,
        true,
        "ProxyProtocol listener "
            + listener
            + ": closed {} connection(s) from sources outside --proxy-protocol-from since the"
            + " last report",
        source);
  }

  @Override
  public void proxyHeaderFailed(
      InetSocketAddress listener, InetSocketAddress source, ProxyHeaderFailure failure) {
    if (failure == ProxyHeaderFailure.CLOSED) {
      // A balancer's plain TCP health check connects and closes: routine, not worth a line.
      LOG.debug("connection on {} closed before a whole PROXY header", listener);
      return;
    }
    throttled(
        proxyRefusals,
        true,
        "ProxyProtocol listener "
            + listener
            + ": closed {} connection(s) without a valid PROXY header ("
            + (failure == ProxyHeaderFailure.TIMED_OUT ? "too slow" : "malformed")
            + ") since the last report",
        source);
  }

  /**
   * Logs {@code what} (whose one {@code {}} is the count) with the latest client, redacted, at most
   * as often as {@code throttle} lets through.
   */
  private void throttled(
      LogThrottle throttle, boolean warn, String what, InetSocketAddress latest) {
    long n = throttle.record();
    if (n == 0) {
      return;
    }
    Object address = safeLogging.of(latest.getAddress().getHostAddress());
    if (warn) {
      LOG.warn(what + "; the latest from {}", n, address);
    } else {
      LOG.info(what + "; the latest from {}", n, address);
    }
  }

  @Override
  public void handshakeFailed(ClientInfo client, HandshakeError error) {
    if (error.kind() == HandshakeError.Kind.UNSAFE_REQUEST) {
      warnUnsafe(client, true);
    } else if (error.kind() == HandshakeError.Kind.HTTP_REQUEST) {
      LOG.info(
          "a client from {} spoke HTTP to the SOCKS port; it got the explanation page",
          safeLogging.of(client.remote().getAddress().getHostAddress()));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "handshake from {} failed: {} ({})",
          safeLogging.of(client.remote().getAddress().getHostAddress()),
          error.kind(),
          error.detail());
    }
  }

  @Override
  public void requestDone(StreamRequest request) {
    if (!request.safe()) {
      warnUnsafe(request.client(), false);
    } else if (testSocks) {
      LOG.info(
          "{} request to {} was safe: it gave a host name",
          request.protocol(),
          safeLogging.of(request.target()));
    }
  }

  @Override
  public void streamFailed(StreamRequest request, StreamFailure failure) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} {} to {} failed: {}",
          request.protocol(),
          request.command(),
          safeLogging.of(request.target()),
          failure);
    }
  }

  private void warnUnsafe(ClientInfo client, boolean refused) {
    if (unsafeWarnings.shouldWarn()) {
      LOG.warn(
          "A client at {} gave only an IP address, not a host name{}. Programs that "
              + "resolve names themselves can leak the names they visit to their DNS server; use "
              + "SOCKS4a or SOCKS5 with remote name resolution (curl --socks5-hostname).",
          safeLogging.of(client.remote().getAddress().getHostAddress()),
          refused ? " (refused: --safe-socks is on)" : "");
    }
  }
}
