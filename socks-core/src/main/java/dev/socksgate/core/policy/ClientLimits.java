package dev.socksgate.core.policy;

import java.util.Objects;

/**
 * The per-client connection limits of one server: per client address ({@link AddressKey}) and per
 * RFC 1929 username (the UNAME bytes read as ISO-8859-1, one char per byte). Each limit can be
 * changed at run time through {@link ConnectionLimit#setLimit}.
 *
 * @param perAddress live connections per client address (IPv4) or /64 prefix (IPv6)
 * @param perUser live authenticated connections per username
 */
public record ClientLimits(
    ConnectionLimit<AddressKey> perAddress, ConnectionLimit<String> perUser) {

  /** Validates the fields. */
  public ClientLimits {
    Objects.requireNonNull(perAddress, "perAddress");
    Objects.requireNonNull(perUser, "perUser");
  }

  /** Returns new limits, both off. */
  public static ClientLimits off() {
    return of(0, 0);
  }

  /** Returns new limits; 0 means off. */
  public static ClientLimits of(int perAddress, int perUser) {
    return new ClientLimits(new ConnectionLimit<>(perAddress), new ConnectionLimit<>(perUser));
  }
}
