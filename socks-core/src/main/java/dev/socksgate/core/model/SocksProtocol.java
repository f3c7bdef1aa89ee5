package dev.socksgate.core.model;

/**
 * The protocol a request arrived in. SOCKS4a is SOCKS4 with a hostname; HTTP is an HTTP CONNECT
 * request (Tor's HTTPTunnelPort, torspec {@code http-connect}).
 */
public enum SocksProtocol {
  /** SOCKS4 with an IPv4 destination. */
  SOCKS4,
  /** SOCKS4a: SOCKS4 carrying a hostname (DSTIP 0.0.0.x). */
  SOCKS4A,
  /** SOCKS5, RFC 1928. */
  SOCKS5,
  /** HTTP CONNECT (RFC 9110 §9.3.6), HTTP/1.0 or HTTP/1.1. */
  HTTP;

  /**
   * Returns the version byte: 4 for SOCKS4 and SOCKS4a, 5 for SOCKS5, 0 for HTTP (which has none;
   * IsolateClientProtocol keeps it apart from both, as Tor does).
   */
  public int version() {
    return switch (this) {
      case SOCKS4, SOCKS4A -> 4;
      case SOCKS5 -> 5;
      case HTTP -> 0;
    };
  }
}
