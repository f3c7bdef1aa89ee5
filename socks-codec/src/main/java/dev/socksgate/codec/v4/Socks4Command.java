package dev.socksgate.codec.v4;

/**
 * The CD byte of a SOCKS4 request. An open value type: any byte is representable and compares by
 * value; {@link #of} never throws.
 *
 * @param code the byte on the wire
 */
public record Socks4Command(byte code) {

  /** CONNECT, SOCKS4 §"CONNECT". */
  public static final Socks4Command CONNECT = new Socks4Command((byte) 0x01);

  /** BIND, SOCKS4 §"BIND". */
  public static final Socks4Command BIND = new Socks4Command((byte) 0x02);

  /** Tor's RESOLVE (socks-extensions §2). */
  public static final Socks4Command RESOLVE = new Socks4Command((byte) 0xF0);

  /** Tor's RESOLVE_PTR; Tor accepts it on SOCKS5 only, but it is part of the SOCKS4 grammar. */
  public static final Socks4Command RESOLVE_PTR = new Socks4Command((byte) 0xF1);

  /** Returns the command for this byte; never throws. */
  public static Socks4Command of(byte code) {
    return switch (code) {
      case 0x01 -> CONNECT;
      case 0x02 -> BIND;
      case (byte) 0xF0 -> RESOLVE;
      case (byte) 0xF1 -> RESOLVE_PTR;
      default -> new Socks4Command(code);
    };
  }

  /** Returns true for the four commands of Tor's SOCKS4 grammar: 01, 02, F0, F1. */
  public boolean isKnown() {
    return code == 0x01 || code == 0x02 || code == (byte) 0xF0 || code == (byte) 0xF1;
  }

  @Override
  public String toString() {
    return switch (code) {
      case 0x01 -> "CONNECT";
      case 0x02 -> "BIND";
      case (byte) 0xF0 -> "RESOLVE";
      case (byte) 0xF1 -> "RESOLVE_PTR";
      default -> "Socks4Command(0x" + Integer.toHexString(code & 0xFF) + ")";
    };
  }
}
