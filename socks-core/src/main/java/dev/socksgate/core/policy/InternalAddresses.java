package dev.socksgate.core.policy;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Tor's "internal address" list (Tor reference §7 (docs/tor-reference.md), {@code
 * tor_addr_is_internal}): 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.168/16, fc00::/7,
 * fe80::/10, fec0::/10, :: and ::1, and IPv4-mapped IPv6 forms of the IPv4 ranges.
 */
public final class InternalAddresses {

  private InternalAddresses() {}

  /** Returns true if {@code address} is internal by Tor's list. */
  public static boolean isInternal(InetAddress address) {
    byte[] a = address.getAddress();
    if (address instanceof Inet4Address) {
      return isInternalV4(a, 0);
    }
    if (isMappedV4(a)) {
      return isInternalV4(a, 12);
    }
    int b0 = a[0] & 0xFF;
    int b1 = a[1] & 0xFF;
    if ((b0 & 0xFE) == 0xFC) {
      return true; // fc00::/7
    }
    if (b0 == 0xFE && ((b1 & 0xC0) == 0x80 || (b1 & 0xC0) == 0xC0)) {
      return true; // fe80::/10, fec0::/10
    }
    for (int i = 0; i < 15; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return (a[15] & 0xFE) == 0; // ::/127
  }

  private static boolean isMappedV4(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF;
  }

  private static boolean isInternalV4(byte[] a, int off) {
    int b0 = a[off] & 0xFF;
    int b1 = a[off + 1] & 0xFF;
    return b0 == 0
        || b0 == 10
        || b0 == 127
        || (b0 == 100 && (b1 & 0xC0) == 64)
        || (b0 == 169 && b1 == 254)
        || (b0 == 172 && (b1 & 0xF0) == 16)
        || (b0 == 192 && b1 == 168);
  }
}
