package dev.socksgate.codec.v4;

/**
 * The CD byte of a SOCKS4 reply. An open value type: any byte is representable and compares by
 * value; {@link #of} never throws.
 *
 * @param code the byte on the wire
 */
public record Socks4ReplyCode(byte code) {

  /** 90: request granted. */
  public static final Socks4ReplyCode GRANTED = new Socks4ReplyCode((byte) 0x5A);

  /** 91: request rejected or failed. The only failure code Tor sends. */
  public static final Socks4ReplyCode REJECTED = new Socks4ReplyCode((byte) 0x5B);

  /** 92: rejected because the server cannot connect to identd on the client. */
  public static final Socks4ReplyCode NO_IDENTD = new Socks4ReplyCode((byte) 0x5C);

  /** 93: rejected because identd and the client reported different user ids. */
  public static final Socks4ReplyCode IDENTD_MISMATCH = new Socks4ReplyCode((byte) 0x5D);

  /** Returns the code for this byte; never throws. */
  public static Socks4ReplyCode of(byte code) {
    return switch (code) {
      case 0x5A -> GRANTED;
      case 0x5B -> REJECTED;
      case 0x5C -> NO_IDENTD;
      case 0x5D -> IDENTD_MISMATCH;
      default -> new Socks4ReplyCode(code);
    };
  }

  /** Returns true for 5A to 5D. */
  public boolean isKnown() {
    return code >= 0x5A && code <= 0x5D;
  }

  /** Returns true only for {@link #GRANTED}. */
  public boolean isGranted() {
    return code == 0x5A;
  }

  @Override
  public String toString() {
    return switch (code) {
      case 0x5A -> "GRANTED";
      case 0x5B -> "REJECTED";
      case 0x5C -> "NO_IDENTD";
      case 0x5D -> "IDENTD_MISMATCH";
      default -> "Socks4ReplyCode(0x" + Integer.toHexString(code & 0xFF) + ")";
    };
  }
}
