package dev.socksgate.core.model;

/**
 * Tor's per-listener isolation flags (Tor reference §13 (docs/tor-reference.md); the SocksPort
 * options of the same names).
 *
 * @param isolateClientAddr IsolateClientAddr (Tor default on): the client's IP address
 * @param isolateSocksAuth IsolateSOCKSAuth (default on): SOCKS username and password bytes
 * @param isolateClientProtocol IsolateClientProtocol (default off): SOCKS4 versus SOCKS5
 * @param isolateDestPort IsolateDestPort (default off): the destination port
 * @param isolateDestAddr IsolateDestAddr (default off): the destination host as requested
 */
public record IsolationFlags(
    boolean isolateClientAddr,
    boolean isolateSocksAuth,
    boolean isolateClientProtocol,
    boolean isolateDestPort,
    boolean isolateDestAddr) {

  /** Tor's defaults: IsolateClientAddr and IsolateSOCKSAuth on, the rest off. */
  public static final IsolationFlags TOR_DEFAULTS =
      new IsolationFlags(true, true, false, false, false);
}
