package dev.socksgate.codec;

/**
 * The version byte that opens a SOCKS message: {@code 04} (SOCKS4 and SOCKS4a) or {@code 05} (RFC
 * 1928). An open value type: any byte is representable and compares by value.
 *
 * @param code the byte on the wire
 */
public record SocksVersion(byte code) {

  /** SOCKS4 and SOCKS4a. */
  public static final SocksVersion SOCKS4 = new SocksVersion((byte) 0x04);

  /** SOCKS5, RFC 1928. */
  public static final SocksVersion SOCKS5 = new SocksVersion((byte) 0x05);

  /** Returns the version for this byte; never throws. */
  public static SocksVersion of(byte code) {
    return switch (code) {
      case 0x04 -> SOCKS4;
      case 0x05 -> SOCKS5;
      default -> new SocksVersion(code);
    };
  }

  /** Returns true for 04 and 05. */
  public boolean isKnown() {
    return code == 0x04 || code == 0x05;
  }

  @Override
  public String toString() {
    return switch (code) {
      case 0x04 -> "SOCKS4";
      case 0x05 -> "SOCKS5";
      default -> "SocksVersion(0x" + Integer.toHexString(code & 0xFF) + ")";
    };
  }
}
