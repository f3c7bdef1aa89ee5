package dev.socksgate.transport.nio;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * An upstream SOCKS5 proxy, as {@link UpstreamExitConnector} and {@link UpstreamResolver} use it.
 *
 * @param address the proxy's address (an address, never a name to resolve)
 * @param credentials derives the credentials sent for each isolation key
 * @param timeout bounds connecting and the SOCKS5 handshake together, per stream or lookup
 */
public record Upstream(
    InetSocketAddress address, UpstreamCredentials credentials, Duration timeout) {

  /** Validates the fields. */
  public Upstream {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(timeout, "timeout");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("the upstream must be an address, not a name");
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("timeout must be positive and at most a day");
    }
  }
}
