package dev.socksgate.core.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * A destination host: a name still to be resolved, or an address. Names are lower-cased and have
 * passed Tor's destination check ({@link HostNames#isValidDestination}); a name that is an IP
 * literal is always an {@link Address}.
 */
public sealed interface Host permits Host.Name, Host.Address {

  /**
   * A host name, lower-case, 1 to 255 bytes.
   *
   * @param name the name
   */
  record Name(String name) implements Host {
    /** Validates the name. */
    public Name {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty() || name.length() > 255) {
        throw new IllegalArgumentException("name must be 1 to 255 characters");
      }
      if (!name.equals(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("name must be lower-case");
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * An IPv4 or IPv6 address.
   *
   * @param address the address; never resolved
   */
  record Address(InetAddress address) implements Host {
    /** Validates the field. */
    public Address {
      Objects.requireNonNull(address, "address");
    }

    /** Returns true for an IPv6 address. */
    public boolean isIpv6() {
      return address instanceof Inet6Address;
    }

    /** Returns the literal, IPv6 in brackets (Tor's "decorated" form). */
    @Override
    public String toString() {
      return isIpv6() ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }
  }
}
