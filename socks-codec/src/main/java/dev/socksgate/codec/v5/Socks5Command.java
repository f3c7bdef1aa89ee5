package dev.socksgate.codec.v5;

/**
 * The CMD byte of a SOCKS5 request (RFC 1928 §4, Tor socks-extensions §2–§3). An open value type:
 * any byte is representable and compares by value; {@link #of} never throws.
 *
 * @param code the byte on the wire
 */
public record Socks5Command(byte code) {

  /** CONNECT (RFC 1928 §4). */
  public static final Socks5Command CONNECT = new Socks5Command((byte) 0x01);

  /** BIND (RFC 1928 §4). */
  public static final Socks5Command BIND = new Socks5Command((byte) 0x02);

  /** UDP ASSOCIATE (RFC 1928 §4). */
  public static final Socks5Command UDP_ASSOCIATE = new Socks5Command((byte) 0x03);

  /** Tor's RESOLVE: forward lookup, answer in BND.ADDR (socks-extensions §2). */
  public static final Socks5Command RESOLVE = new Socks5Command((byte) 0xF0);

  /** Tor's RESOLVE_PTR: reverse lookup, name in BND.ADDR (socks-extensions §2). */
  public static final Socks5Command RESOLVE_PTR = new Socks5Command((byte) 0xF1);

  /**
   * Tor's CONNECT_DIR, retired in Tor 0.2.0.10-alpha (socks-extensions §3); outside the grammar the
   * decoder accepts.
   */
  public static final Socks5Command CONNECT_DIR = new Socks5Command((byte) 0xF2);

  /** Returns the value for this byte; never throws. */
  public static Socks5Command of(byte code) {
    return switch (code) {
      case 0x01 -> CONNECT;
      case 0x02 -> BIND;
      case 0x03 -> UDP_ASSOCIATE;
      case (byte) 0xF0 -> RESOLVE;
      case (byte) 0xF1 -> RESOLVE_PTR;
      case (byte) 0xF2 -> CONNECT_DIR;
      default -> new Socks5Command(code);
    };
  }

  /** Returns true if this is one of the named constants. */
  public boolean isKnown() {
    return switch (code) {
      case 0x01, 0x02, 0x03, (byte) 0xF0, (byte) 0xF1, (byte) 0xF2 -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return switch (code) {
      case 0x01 -> "CONNECT";
      case 0x02 -> "BIND";
      case 0x03 -> "UDP_ASSOCIATE";
      case (byte) 0xF0 -> "RESOLVE";
      case (byte) 0xF1 -> "RESOLVE_PTR";
      case (byte) 0xF2 -> "CONNECT_DIR";
      default -> "Socks5Command(0x" + Integer.toHexString(code & 0xFF) + ")";
    };
  }
}
