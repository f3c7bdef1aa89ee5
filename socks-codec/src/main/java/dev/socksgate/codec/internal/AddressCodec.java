package dev.socksgate.codec.internal;

import dev.socksgate.codec.CodecError;
import dev.socksgate.codec.DomainName;
import dev.socksgate.codec.SocksAddress;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Reads and writes the SOCKS5 ATYP + address + port tail shared by requests and replies (RFC 1928
 * §4 and §6).
 */
public final class AddressCodec {

  /** ATYP value of an IPv4 address. */
  public static final int IPV4 = 0x01;

  /** ATYP value of a domain name. */
  public static final int DOMAIN = 0x03;

  /** ATYP value of an IPv6 address. */
  public static final int IPV6 = 0x04;

  private AddressCodec() {}

  /**
   * Returns the length of the address that follows an ATYP byte, once it can be known: the fixed
   * length for IPv4/IPv6, {@code 1 + len} for a domain once its length byte is readable, -1 if the
   * length byte is not yet readable. The reader is not advanced.
   */
  public static int addressLength(int atyp, WireReader r) {
    return switch (atyp) {
      case IPV4 -> 4;
      case IPV6 -> 16;
      case DOMAIN -> r.has(1) ? 1 + r.peek(0) : -1;
      default -> throw new IllegalArgumentException("ATYP " + atyp);
    };
  }

  /** Returns true for the address types of RFC 1928 (01, 03, 04). */
  public static boolean isKnownType(int atyp) {
    return atyp == IPV4 || atyp == DOMAIN || atyp == IPV6;
  }

  /**
   * Returns what is wrong with the domain name of length {@code len} starting at the reader's
   * offset (after its length byte), or empty if it is acceptable. The bytes must be readable.
   */
  public static Optional<CodecError> checkDomain(WireReader r, int len, String field) {
    if (len == 0) {
      return Optional.of(new CodecError(CodecError.Reason.BAD_LENGTH, field, 0));
    }
    int nul = r.indexOfNul(len);
    if (nul >= 0) {
      return Optional.of(new CodecError(CodecError.Reason.BAD_VALUE, field, 0));
    }
    return Optional.empty();
  }

  /** Reads an address of the given type; all its bytes must be readable and valid. */
  public static SocksAddress read(int atyp, WireReader r) {
    return switch (atyp) {
      case IPV4 -> SocksAddress.ipv4(r.bytes(4));
      case IPV6 -> SocksAddress.ipv6(r.bytes(16));
      case DOMAIN -> new SocksAddress.Domain(DomainName.of(r.bytes(r.u8())));
      default -> throw new IllegalArgumentException("ATYP " + atyp);
    };
  }

  /** Writes ATYP and the address (RFC 1928 §5). */
  public static void write(SocksAddress address, ByteBuffer out) {
    out.put(address.addressType());
    if (address instanceof SocksAddress.Ipv4 v4) {
      out.put(v4.address().getAddress());
    } else if (address instanceof SocksAddress.Ipv6 v6) {
      out.put(v6.address().getAddress());
    } else if (address instanceof SocksAddress.Domain d) {
      out.put((byte) d.name().length());
      d.name().writeTo(out);
    }
  }

  /** Returns the bytes ATYP + address occupy. */
  public static int length(SocksAddress address) {
    return 1 + address.encodedLength();
  }
}
