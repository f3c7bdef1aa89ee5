package dev.socksgate.core.policy;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The client a per-address limit counts: an IPv4 address as a whole, an IPv6 address by its /64
 * prefix (one customer's network; a host picks addresses within it at will).
 *
 * @param ipv6 whether {@code bits} is an IPv6 /64 prefix rather than an IPv4 address
 * @param bits the IPv4 address, or the upper 64 bits of the IPv6 address
 */
public record AddressKey(boolean ipv6, long bits) {

  /** Returns the key of {@code address}; an IPv4-mapped IPv6 address counts as IPv4. */
  public static AddressKey of(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return new AddressKey(false, toLong(b, 4));
    }
    return new AddressKey(true, toLong(b, 8));
  }

  private static long toLong(byte[] b, int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (b[i] & 0xFF);
    }
    return v;
  }
}
