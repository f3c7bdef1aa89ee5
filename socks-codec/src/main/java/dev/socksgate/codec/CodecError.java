package dev.socksgate.codec;

import java.util.Objects;

/**
 * Why input can never become a valid message. Names the offending field in RFC 1928 / RFC 1929
 * vocabulary ({@code VER}, {@code CMD}, {@code RSV}, {@code ATYP}, {@code DST.ADDR}, {@code
 * NMETHODS}, {@code USERID}, ...).
 *
 * @param reason the class of malformation
 * @param field the wire field at fault
 * @param value the offending byte or length as read from the wire, or -1 when no single value is at
 *     fault
 */
public record CodecError(Reason reason, String field, int value) {

  /** The class of malformation. */
  public enum Reason {
    /** A version byte that the message's grammar does not allow. */
    BAD_VERSION,
    /** A command byte outside the grammar (Tor's: SOCKS4 01 02 F0 F1; SOCKS5 01 02 03 F0 F1). */
    UNSUPPORTED_COMMAND,
    /** A reserved byte that is not zero. */
    BAD_RESERVED,
    /** An address type other than 01, 03 or 04. */
    UNSUPPORTED_ADDRESS_TYPE,
    /** A length field with a value the grammar forbids, such as zero methods or an empty name. */
    BAD_LENGTH,
    /** A field whose content is invalid, such as a NUL byte inside a domain name. */
    BAD_VALUE,
    /** A field or message longer than its limit in {@link WireLimits}. */
    TOO_LONG
  }

  /** Validates the fields. */
  public CodecError {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(field, "field");
  }

  /** Returns a human-readable one-line description, for logs and exception messages. */
  public String describe() {
    return value < 0
        ? reason + " in " + field
        : reason + " in " + field + " (0x" + Integer.toHexString(value) + ")";
  }
}
