package dev.socksgate.codec.v5;

/**
 * A SOCKS5 authentication method (RFC 1928 §3). An open value type: any byte is representable and
 * compares by value; {@link #of} never throws.
 *
 * @param code the byte on the wire
 */
public record Socks5AuthMethod(byte code) {

  /** X'00' NO AUTHENTICATION REQUIRED. */
  public static final Socks5AuthMethod NO_AUTH = new Socks5AuthMethod((byte) 0x00);

  /** X'01' GSSAPI (RFC 1961); never selected by this server. */
  public static final Socks5AuthMethod GSSAPI = new Socks5AuthMethod((byte) 0x01);

  /** X'02' USERNAME/PASSWORD (RFC 1929). */
  public static final Socks5AuthMethod USERNAME_PASSWORD = new Socks5AuthMethod((byte) 0x02);

  /** X'FF' NO ACCEPTABLE METHODS: the server's refusal. */
  public static final Socks5AuthMethod NO_ACCEPTABLE = new Socks5AuthMethod((byte) 0xFF);

  /** Returns the value for this byte; never throws. */
  public static Socks5AuthMethod of(byte code) {
    return switch (code) {
      case 0x00 -> NO_AUTH;
      case 0x01 -> GSSAPI;
      case 0x02 -> USERNAME_PASSWORD;
      case (byte) 0xFF -> NO_ACCEPTABLE;
      default -> new Socks5AuthMethod(code);
    };
  }

  /** Returns true if this is one of the named constants. */
  public boolean isKnown() {
    return switch (code) {
      case 0x00, 0x01, 0x02, (byte) 0xFF -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return switch (code) {
      case 0x00 -> "NO_AUTH";
      case 0x01 -> "GSSAPI";
      case 0x02 -> "USERNAME_PASSWORD";
      case (byte) 0xFF -> "NO_ACCEPTABLE";
      default -> "Socks5AuthMethod(0x" + Integer.toHexString(code & 0xFF) + ")";
    };
  }
}
