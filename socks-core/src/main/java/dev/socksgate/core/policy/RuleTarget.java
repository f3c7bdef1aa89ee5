package dev.socksgate.core.policy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a policy rule matches: every address (of one family or both), a network, one host name, or
 * every subdomain of a name. Address targets never match a name and name targets never match an
 * address; {@link ExitPolicy} says how the two kinds meet in one list.
 */
public sealed interface RuleTarget
    permits RuleTarget.AnyAddress, RuleTarget.Network, RuleTarget.Name, RuleTarget.Subdomains {

  /** The address families a wildcard covers. */
  enum Family {
    /** {@code *}: IPv4 and IPv6. */
    BOTH,
    /** {@code *4}, or {@code *} on an {@code accept4}/{@code reject4} line. */
    IPV4,
    /** {@code *6}, or {@code *} on an {@code accept6}/{@code reject6} line. */
    IPV6
  }

  /** Returns true if this target matches {@code address}; always false for name targets. */
  boolean matches(InetAddress address);

  /**
   * Returns true if this target matches the host name {@code name} (lower case, without a trailing
   * dot); always false for address targets.
   */
  boolean matchesName(String name);

  /** Every address of {@code family}. */
  record AnyAddress(Family family) implements RuleTarget {
    @Override
    public boolean matches(InetAddress address) {
      return switch (family) {
        case BOTH -> true;
        case IPV4 -> address instanceof Inet4Address;
        case IPV6 -> !(address instanceof Inet4Address);
      };
    }

    @Override
    public boolean matchesName(String name) {
      return false;
    }

    @Override
    public String toString() {
      return switch (family) {
        case BOTH -> "*";
        case IPV4 -> "*4";
        case IPV6 -> "*6";
      };
    }
  }

  /** A network: the addresses whose first {@code bits} bits equal those of its base address. */
  final class Network implements RuleTarget {
    private final byte[] base; // with the host bits cleared
    private final int bits;

    /**
     * Creates the network of {@code address}/{@code bits}; host bits are cleared, as Tor does.
     *
     * @throws IllegalArgumentException if {@code bits} is negative or longer than the address
     */
    public Network(InetAddress address, int bits) {
      byte[] b = address.getAddress();
      if (bits < 0 || bits > b.length * 8) {
        throw new IllegalArgumentException("mask /" + bits + " is longer than the address");
      }
      for (int i = 0; i < b.length; i++) {
        int keep = Math.max(0, Math.min(8, bits - i * 8));
        b[i] &= (byte) (0xFF00 >> keep);
      }
      this.base = b;
      this.bits = bits;
    }

    /** The prefix length. */
    public int bits() {
      return bits;
    }

    /** Returns true for an IPv6 network. */
    public boolean isIpv6() {
      return base.length == 16;
    }

    @Override
    public boolean matches(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != base.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (a[i] != base[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      return rest == 0 || ((a[whole] ^ base[whole]) & (0xFF00 >> rest) & 0xFF) == 0;
    }

    @Override
    public boolean matchesName(String name) {
      return false;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Network n && n.bits == bits && Arrays.equals(n.base, base);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(base) * 31 + bits;
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      if (isIpv6()) {
        s.append('[');
        for (int i = 0; i < 16; i += 2) {
          s.append(i == 0 ? "" : ":")
              .append(Integer.toHexString((base[i] & 0xFF) << 8 | (base[i + 1] & 0xFF)));
        }
        s.append(']');
      } else {
        for (int i = 0; i < 4; i++) {
          s.append(i == 0 ? "" : ".").append(base[i] & 0xFF);
        }
      }
      return s.append('/').append(bits).toString();
    }
  }

  /**
   * One host name, compared case-insensitively with any trailing dot ignored.
   *
   * @param name the name, lower case, without a trailing dot
   */
  record Name(String name) implements RuleTarget {
    /** Normalises the name. */
    public Name {
      name = of(name);
    }

    /** Returns {@code name} as policies compare it: lower case, without one trailing dot. */
    public static String of(String name) {
      String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
      return n.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean matches(InetAddress address) {
      return false;
    }

    @Override
    public boolean matchesName(String candidate) {
      return name.equals(candidate);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Every subdomain of a name ({@code *.example.com}), not the name itself.
   *
   * @param parent the name whose subdomains match, lower case, without a trailing dot
   */
  record Subdomains(String parent) implements RuleTarget {
    /** Normalises the name. */
    public Subdomains {
      parent = Name.of(parent);
    }

    @Override
    public boolean matches(InetAddress address) {
      return false;
    }

    @Override
    public boolean matchesName(String candidate) {
      return candidate.length() > parent.length() + 1
          && candidate.endsWith(parent)
          && candidate.charAt(candidate.length() - parent.length() - 1) == '.';
    }

    @Override
    public String toString() {
      return "*." + parent;
    }
  }
}
