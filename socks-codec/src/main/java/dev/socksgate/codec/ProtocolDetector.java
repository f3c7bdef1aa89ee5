package dev.socksgate.codec;

import java.nio.ByteBuffer;

/**
 * Classifies the first bytes a client sends on a SOCKS port, as Tor's {@code parse_socks} does (Tor
 * reference §2 (docs/tor-reference.md)): at least two bytes are needed for any verdict; {@code 04}
 * is SOCKS4/4a, {@code 05} is SOCKS5, ASCII {@code G}, {@code H}, {@code P} or {@code C} is HTTP
 * (Tor's HTTP-resistance, socks-extensions §4), and anything else is unknown. Reads without
 * consuming.
 */
public final class ProtocolDetector {

  /** Bytes needed before any verdict. */
  public static final int BYTES_NEEDED = 2;

  /** The verdict. */
  public enum Detected {
    /** Fewer than {@value ProtocolDetector#BYTES_NEEDED} bytes are buffered. */
    NEED_MORE,
    /** The first byte is {@code 04}. */
    SOCKS4,
    /** The first byte is {@code 05}. */
    SOCKS5,
    /** The first byte is {@code G}, {@code H}, {@code P} or {@code C}: someone speaks HTTP. */
    HTTP,
    /** Anything else: not a protocol this port serves. */
    UNKNOWN
  }

  private ProtocolDetector() {}

  /** Classifies the readable bytes of {@code in}; the buffer is not modified. */
  public static Detected detect(ByteBuffer in) {
    if (in.remaining() < BYTES_NEEDED) {
      return Detected.NEED_MORE;
    }
    return switch (in.get(in.position())) {
      case 0x04 -> Detected.SOCKS4;
      case 0x05 -> Detected.SOCKS5;
      case 'G', 'H', 'P', 'C' -> Detected.HTTP;
      default -> Detected.UNKNOWN;
    };
  }
}
