package dev.socksgate.core.model;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Who is asking: the client's socket address and the settings of the listener it connected to.
 *
 * @param remote the client's address and port, as accepted (never resolved)
 * @param listener the listener's settings
 */
public record ClientInfo(InetSocketAddress remote, ListenerSettings listener) {

  /** Validates the fields. */
  public ClientInfo {
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(listener, "listener");
    if (remote.isUnresolved()) {
      throw new IllegalArgumentException("remote must be an address, not a name");
    }
  }

  /**
   * Returns true if the client connected over IPv6. Tor picks the ATYP of generic SOCKS5 replies by
   * this (Tor reference §1 (docs/tor-reference.md), §9).
   */
  public boolean isIpv6() {
    return remote.getAddress() instanceof Inet6Address;
  }

  /** Shows only the address family; the address itself is for {@link #remote()} callers. */
  @Override
  public String toString() {
    return "ClientInfo[" + (isIpv6() ? "IPv6" : "IPv4") + " client]";
  }
}
