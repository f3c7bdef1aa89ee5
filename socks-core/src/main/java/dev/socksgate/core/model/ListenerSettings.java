package dev.socksgate.core.model;

import java.util.Objects;

/**
 * What a listener (a SocksPort) tells the core about the streams it accepts.
 *
 * @param isolation the isolation flags of this listener
 * @param sessionGroup Tor's SessionGroup: streams from listeners with different groups never share
 *     an isolation key; a listener without an explicit group gets one of its own
 * @param preferNoAuth PreferSOCKSNoAuth: pick method 00 when a client offers both 00 and 02. Tor
 *     forces this on when IsolateSOCKSAuth is off, and so does every constructor here
 * @param extendedErrors ExtendedErrors: proposal 304 reply codes replace the mapped REP in CONNECT
 *     failure replies
 * @param protocols what the listener speaks: SOCKS (a SocksPort), SOCKS and HTTP CONNECT (a
 *     SocksPort with the HTTPTunnel flag) or HTTP CONNECT only (an HTTPTunnelPort)
 */
public record ListenerSettings(
    IsolationFlags isolation,
    int sessionGroup,
    boolean preferNoAuth,
    boolean extendedErrors,
    ListenerProtocols protocols) {

  /**
   * Validates the fields and applies Tor's rule ({@code port_parse_config}): without
   * IsolateSOCKSAuth, "no auth" is preferred whatever {@code preferNoAuth} says, so {@link
   * #preferNoAuth()} can differ from the argument.
   */
  public ListenerSettings {
    Objects.requireNonNull(isolation, "isolation");
    Objects.requireNonNull(protocols, "protocols");
    if (sessionGroup < 0) {
      throw new IllegalArgumentException("sessionGroup must not be negative: " + sessionGroup);
    }
    preferNoAuth = preferNoAuth || !isolation.isolateSocksAuth();
  }

  /** A SOCKS-only listener (a SocksPort without HTTPTunnel). */
  public ListenerSettings(
      IsolationFlags isolation, int sessionGroup, boolean preferNoAuth, boolean extendedErrors) {
    this(isolation, sessionGroup, preferNoAuth, extendedErrors, ListenerProtocols.SOCKS);
  }

  /** Returns these settings for a listener that speaks {@code p}. */
  public ListenerSettings withProtocols(ListenerProtocols p) {
    return new ListenerSettings(isolation, sessionGroup, preferNoAuth, extendedErrors, p);
  }

  /**
   * Returns settings with Tor's rule applied: without IsolateSOCKSAuth, "no auth" is preferred (the
   * canonical constructor applies it too).
   */
  public static ListenerSettings of(
      IsolationFlags isolation, int sessionGroup, boolean preferNoAuth, boolean extendedErrors) {
    return new ListenerSettings(
        isolation, sessionGroup, preferNoAuth || !isolation.isolateSocksAuth(), extendedErrors);
  }

  /** Returns Tor's default SocksPort settings with the given session group. */
  public static ListenerSettings torDefaults(int sessionGroup) {
    return of(IsolationFlags.TOR_DEFAULTS, sessionGroup, false, false);
  }
}
