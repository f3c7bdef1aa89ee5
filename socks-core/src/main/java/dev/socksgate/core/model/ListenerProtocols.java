package dev.socksgate.core.model;

/**
 * What a listener speaks. The handshake engine dispatches on the first bytes as Tor's {@code
 * parse_socks} does, and, where HTTP CONNECT is on, sends an HTTP method's first letter to the HTTP
 * CONNECT engine (Arti proposal 365: one port, told apart by the first byte).
 */
public enum ListenerProtocols {
  /** SOCKS4, SOCKS4a and SOCKS5; HTTP gets the HTTP-resistance page (a SocksPort). */
  SOCKS,
  /** SOCKS and HTTP CONNECT on one port (a SocksPort with the HTTPTunnel flag). */
  SOCKS_AND_HTTP,
  /** HTTP CONNECT only (Tor's HTTPTunnelPort): every connection is parsed as HTTP. */
  HTTP;

  /** Returns true if HTTP CONNECT requests are served. */
  public boolean http() {
    return this != SOCKS;
  }
}
