package dev.socksgate.codec;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A destination or bound address as SOCKS carries it (RFC 1928 §5): an IPv4 address (ATYP 01), a
 * domain name (ATYP 03) or an IPv6 address (ATYP 04). Building one never performs a DNS lookup.
 */
public sealed interface SocksAddress
    permits SocksAddress.Ipv4, SocksAddress.Ipv6, SocksAddress.Domain {

  /** Returns the SOCKS5 address type byte of this address. */
  byte addressType();

  /** Returns the number of bytes the address occupies in a SOCKS5 message, ATYP excluded. */
  int encodedLength();

  /**
   * An IPv4 address.
   *
   * @param address the address (never resolved)
   */
  record Ipv4(Inet4Address address) implements SocksAddress {
    /** Validates the field. */
    public Ipv4 {
      Objects.requireNonNull(address, "address");
    }

    @Override
    public byte addressType() {
      return 0x01;
    }

    @Override
    public int encodedLength() {
      return 4;
    }

    @Override
    public String toString() {
      return address.getHostAddress();
    }
  }

  /**
   * An IPv6 address.
   *
   * @param address the address (never resolved)
   */
  record Ipv6(Inet6Address address) implements SocksAddress {
    /** Validates the field. */
    public Ipv6 {
      Objects.requireNonNull(address, "address");
    }

    @Override
    public byte addressType() {
      return 0x04;
    }

    @Override
    public int encodedLength() {
      return 16;
    }

    @Override
    public String toString() {
      return "[" + address.getHostAddress() + "]";
    }
  }

  /**
   * A domain name, to be resolved by whoever serves the request.
   *
   * @param name the name
   */
  record Domain(DomainName name) implements SocksAddress {
    /** Validates the field. */
    public Domain {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public byte addressType() {
      return 0x03;
    }

    @Override
    public int encodedLength() {
      return 1 + name.length();
    }

    @Override
    public String toString() {
      return name.asString();
    }
  }

  /** Returns the IPv4 address with these 4 bytes. */
  static Ipv4 ipv4(byte[] octets) {
    if (octets.length != 4) {
      throw new IllegalArgumentException("IPv4 needs 4 bytes, got " + octets.length);
    }
    return new Ipv4((Inet4Address) byAddress(octets));
  }

  /**
   * Returns the IPv6 address with these 16 bytes. An IPv4-mapped address stays an IPv6 address
   * (unlike {@link InetAddress#getByAddress(byte[])}, which would turn it into IPv4).
   */
  static Ipv6 ipv6(byte[] octets) {
    if (octets.length != 16) {
      throw new IllegalArgumentException("IPv6 needs 16 bytes, got " + octets.length);
    }
    try {
      return new Ipv6(Inet6Address.getByAddress(null, octets, -1));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Returns the address of the given literal: IPv4 or IPv6, never a lookup. */
  static SocksAddress of(InetAddress address) {
    if (address instanceof Inet4Address v4) {
      return new Ipv4(v4);
    }
    return ipv6(address.getAddress());
  }

  /** Returns the domain-name address for {@code name} (ISO-8859-1, see {@link DomainName}). */
  static Domain domain(String name) {
    return new Domain(DomainName.of(name));
  }

  private static InetAddress byAddress(byte[] octets) {
    try {
      return InetAddress.getByAddress(octets);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
