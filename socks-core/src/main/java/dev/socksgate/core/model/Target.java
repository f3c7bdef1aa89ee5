package dev.socksgate.core.model;

import java.util.Objects;

/**
 * Where a stream goes: a host and a port.
 *
 * @param host the host
 * @param port 0 to 65535 (0 is representable; CONNECT to port 0 is refused by policy)
 */
public record Target(Host host, int port) {

  /** Validates the fields. */
  public Target {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
