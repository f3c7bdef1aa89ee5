package dev.socksgate.codec.proxy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Raw address bytes to {@link InetAddress} and back, never through a name: {@link
 * InetAddress#getByAddress(byte[])} only wraps the bytes. An IPv4-mapped IPv6 address ({@code
 * ::ffff:a.b.c.d}) becomes an {@link Inet4Address}, as the JDK reports such peers of a dual-stack
 * socket, so that address rules written for IPv4 match it.
 */
final class Addresses {

  private Addresses() {}

  /** Wraps 4 or 16 address bytes. */
  static InetAddress of(byte[] raw) {
    try {
      return InetAddress.getByAddress(raw);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("address of " + raw.length + " bytes", e);
    }
  }

  /** Returns the 16 bytes of an IPv6 header field: IPv4 addresses as {@code ::ffff:a.b.c.d}. */
  static byte[] ipv6Bytes(InetAddress a) {
    byte[] raw = a.getAddress();
    if (raw.length == 16) {
      return raw;
    }
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xFF;
    mapped[11] = (byte) 0xFF;
    System.arraycopy(raw, 0, mapped, 12, 4);
    return mapped;
  }
}
