package dev.socksgate.codec.proxy;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The endpoints of the connection a PROXY header relays (proxy-protocol.txt §2.1, §2.2): the
 * original client ({@code source}) and the address it connected to on the balancer ({@code
 * destination}). Never names: both are addresses, as read off the wire.
 *
 * @param source the original client's address and port
 * @param destination the address and port the client connected to
 */
public record ProxiedAddresses(InetSocketAddress source, InetSocketAddress destination) {

  /** Validates the fields. */
  public ProxiedAddresses {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    if (source.isUnresolved() || destination.isUnresolved()) {
      throw new IllegalArgumentException("PROXY addresses are addresses, not names");
    }
  }

  /** Returns true if either address is IPv6: the header then uses the IPv6 family for both. */
  boolean isIpv6() {
    return source.getAddress() instanceof Inet6Address
        || destination.getAddress() instanceof Inet6Address;
  }
}
