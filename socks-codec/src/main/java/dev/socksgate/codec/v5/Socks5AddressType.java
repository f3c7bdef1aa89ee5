package dev.socksgate.codec.v5;

/**
 * The ATYP byte of a SOCKS5 request or reply (RFC 1928 §4–§5). An open value type: any byte is
 * representable and compares by value; {@link #of} never throws.
 *
 * @param code the byte on the wire
 */
public record Socks5AddressType(byte code) {

  /** X'01' IP V4 address, 4 bytes. */
  public static final Socks5AddressType IPV4 = new Socks5AddressType((byte) 0x01);

  /** X'03' domain name, a length byte and 1 to 255 bytes. */
  public static final Socks5AddressType DOMAIN = new Socks5AddressType((byte) 0x03);

  /** X'04' IP V6 address, 16 bytes. */
  public static final Socks5AddressType IPV6 = new Socks5AddressType((byte) 0x04);

  /** Returns the value for this byte; never throws. */
  public static Socks5AddressType of(byte code) {
    return switch (code) {
      case 0x01 -> IPV4;
      case 0x03 -> DOMAIN;
      case 0x04 -> IPV6;
      default -> new Socks5AddressType(code);
    };
  }

  /** Returns true if this is one of the named constants. */
  public boolean isKnown() {
    return switch (code) {
      case 0x01, 0x03, 0x04 -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return switch (code) {
      case 0x01 -> "IPV4";
      case 0x03 -> "DOMAIN";
      case 0x04 -> "IPV6";
      default -> "Socks5AddressType(0x" + Integer.toHexString(code & 0xFF) + ")";
    };
  }
}
