package dev.socksgate.core.model;

/** The protocol a request arrived in. SOCKS4a is SOCKS4 with a hostname. */
public enum SocksProtocol {
  /** SOCKS4 with an IPv4 destination. */
  SOCKS4,
  /** SOCKS4a: SOCKS4 carrying a hostname (DSTIP 0.0.0.x). */
  SOCKS4A,
  /** SOCKS5, RFC 1928. */
  SOCKS5;

  /** Returns the version byte: 4 for SOCKS4 and SOCKS4a, 5 for SOCKS5. */
  public int version() {
    return this == SOCKS5 ? 5 : 4;
  }
}
