package dev.socksgate.codec.v5;

/**
 * The REP byte of a SOCKS5 reply (RFC 1928 §6, Tor proposal 304). An open value type: any byte is
 * representable and compares by value; {@link #of} never throws.
 *
 * @param code the byte on the wire
 */
public record Socks5ReplyCode(byte code) {

  /** X'00' succeeded. */
  public static final Socks5ReplyCode SUCCEEDED = new Socks5ReplyCode((byte) 0x00);

  /** X'01' general SOCKS server failure. */
  public static final Socks5ReplyCode GENERAL_FAILURE = new Socks5ReplyCode((byte) 0x01);

  /** X'02' connection not allowed by ruleset. */
  public static final Socks5ReplyCode NOT_ALLOWED = new Socks5ReplyCode((byte) 0x02);

  /** X'03' Network unreachable. */
  public static final Socks5ReplyCode NETWORK_UNREACHABLE = new Socks5ReplyCode((byte) 0x03);

  /** X'04' Host unreachable. */
  public static final Socks5ReplyCode HOST_UNREACHABLE = new Socks5ReplyCode((byte) 0x04);

  /** X'05' Connection refused. */
  public static final Socks5ReplyCode CONNECTION_REFUSED = new Socks5ReplyCode((byte) 0x05);

  /** X'06' TTL expired (Tor: timed out). */
  public static final Socks5ReplyCode TTL_EXPIRED = new Socks5ReplyCode((byte) 0x06);

  /** X'07' Command not supported. */
  public static final Socks5ReplyCode COMMAND_NOT_SUPPORTED = new Socks5ReplyCode((byte) 0x07);

  /** X'08' Address type not supported. */
  public static final Socks5ReplyCode ADDRESS_TYPE_NOT_SUPPORTED = new Socks5ReplyCode((byte) 0x08);

  /** Proposal 304: onion service descriptor not found. */
  public static final Socks5ReplyCode ONION_SERVICE_DESC_NOT_FOUND =
      new Socks5ReplyCode((byte) 0xF0);

  /** Proposal 304: onion service descriptor invalid. */
  public static final Socks5ReplyCode ONION_SERVICE_DESC_INVALID = new Socks5ReplyCode((byte) 0xF1);

  /** Proposal 304: onion service introduction failed. */
  public static final Socks5ReplyCode ONION_SERVICE_INTRO_FAILED = new Socks5ReplyCode((byte) 0xF2);

  /** Proposal 304: onion service rendezvous failed. */
  public static final Socks5ReplyCode ONION_SERVICE_REND_FAILED = new Socks5ReplyCode((byte) 0xF3);

  /** Proposal 304: onion service client authorization missing. */
  public static final Socks5ReplyCode ONION_SERVICE_MISSING_CLIENT_AUTH =
      new Socks5ReplyCode((byte) 0xF4);

  /** Proposal 304: onion service client authorization wrong. */
  public static final Socks5ReplyCode ONION_SERVICE_BAD_CLIENT_AUTH =
      new Socks5ReplyCode((byte) 0xF5);

  /** Proposal 304: invalid onion address. */
  public static final Socks5ReplyCode ONION_SERVICE_BAD_ADDRESS = new Socks5ReplyCode((byte) 0xF6);

  /** Proposal 304: onion service introduction timed out. */
  public static final Socks5ReplyCode ONION_SERVICE_INTRO_TIMEDOUT =
      new Socks5ReplyCode((byte) 0xF7);

  /** Returns the value for this byte; never throws. */
  public static Socks5ReplyCode of(byte code) {
    return switch (code) {
      case 0x00 -> SUCCEEDED;
      case 0x01 -> GENERAL_FAILURE;
      case 0x02 -> NOT_ALLOWED;
      case 0x03 -> NETWORK_UNREACHABLE;
      case 0x04 -> HOST_UNREACHABLE;
      case 0x05 -> CONNECTION_REFUSED;
      case 0x06 -> TTL_EXPIRED;
      case 0x07 -> COMMAND_NOT_SUPPORTED;
      case 0x08 -> ADDRESS_TYPE_NOT_SUPPORTED;
      case (byte) 0xF0 -> ONION_SERVICE_DESC_NOT_FOUND;
      case (byte) 0xF1 -> ONION_SERVICE_DESC_INVALID;
      case (byte) 0xF2 -> ONION_SERVICE_INTRO_FAILED;
      case (byte) 0xF3 -> ONION_SERVICE_REND_FAILED;
      case (byte) 0xF4 -> ONION_SERVICE_MISSING_CLIENT_AUTH;
      case (byte) 0xF5 -> ONION_SERVICE_BAD_CLIENT_AUTH;
      case (byte) 0xF6 -> ONION_SERVICE_BAD_ADDRESS;
      case (byte) 0xF7 -> ONION_SERVICE_INTRO_TIMEDOUT;
      default -> new Socks5ReplyCode(code);
    };
  }

  /** Returns true if this is one of the named constants. */
  public boolean isKnown() {
    return switch (code) {
      case 0x00,
          0x01,
          0x02,
          0x03,
          0x04,
          0x05,
          0x06,
          0x07,
          0x08,
          (byte) 0xF0,
          (byte) 0xF1,
          (byte) 0xF2,
          (byte) 0xF3,
          (byte) 0xF4,
          (byte) 0xF5,
          (byte) 0xF6,
          (byte) 0xF7 ->
          true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return switch (code) {
      case 0x00 -> "SUCCEEDED";
      case 0x01 -> "GENERAL_FAILURE";
      case 0x02 -> "NOT_ALLOWED";
      case 0x03 -> "NETWORK_UNREACHABLE";
      case 0x04 -> "HOST_UNREACHABLE";
      case 0x05 -> "CONNECTION_REFUSED";
      case 0x06 -> "TTL_EXPIRED";
      case 0x07 -> "COMMAND_NOT_SUPPORTED";
      case 0x08 -> "ADDRESS_TYPE_NOT_SUPPORTED";
      case (byte) 0xF0 -> "ONION_SERVICE_DESC_NOT_FOUND";
      case (byte) 0xF1 -> "ONION_SERVICE_DESC_INVALID";
      case (byte) 0xF2 -> "ONION_SERVICE_INTRO_FAILED";
      case (byte) 0xF3 -> "ONION_SERVICE_REND_FAILED";
      case (byte) 0xF4 -> "ONION_SERVICE_MISSING_CLIENT_AUTH";
      case (byte) 0xF5 -> "ONION_SERVICE_BAD_CLIENT_AUTH";
      case (byte) 0xF6 -> "ONION_SERVICE_BAD_ADDRESS";
      case (byte) 0xF7 -> "ONION_SERVICE_INTRO_TIMEDOUT";
      default -> "Socks5ReplyCode(0x" + Integer.toHexString(code & 0xFF) + ")";
    };
  }
}
