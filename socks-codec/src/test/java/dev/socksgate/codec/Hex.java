package dev.socksgate.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Byte vectors for tests, written as hex with spaces at field boundaries: {@code Hex.bytes("05 01
 * 00 03 0b")}. Whitespace is ignored; anything else must be pairs of hex digits.
 */
public final class Hex {

  private Hex() {}

  /** Parses hex digits, ignoring whitespace. */
  public static byte[] bytes(String hex) {
    String digits = hex.replaceAll("\\s+", "");
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits: " + hex);
    }
    return HexFormat.of().parseHex(digits);
  }

  /** Returns the ASCII bytes of {@code text}, for readable name fields inside a vector. */
  public static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Returns {@code count} copies of {@code value}. */
  public static byte[] repeat(int value, int count) {
    byte[] out = new byte[count];
    Arrays.fill(out, (byte) value);
    return out;
  }

  /** Joins the parts in order. */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Formats bytes as lower-case hex pairs separated by spaces, for failure messages. */
  public static String format(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }
}
