package dev.socksgate.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Byte vectors for tests, written as hex with spaces at field boundaries: {@code Hex.bytes("05 01
 * 00 03 0b 'example.com' 01bb")}. Whitespace is ignored; pairs of hex digits may run together
 * ({@code 7f000001}); text in single quotes stands for its US-ASCII bytes.
 */
public final class Hex {

  private Hex() {}

  /** Returns the bytes the vector describes. */
  public static byte[] bytes(String vector) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < vector.length()) {
      char c = vector.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        int end = vector.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated quote at " + i + ": " + vector);
        }
        out.writeBytes(vector.substring(i + 1, end).getBytes(StandardCharsets.US_ASCII));
        i = end + 1;
      } else {
        if (i + 1 >= vector.length()) {
          throw new IllegalArgumentException("odd number of hex digits: " + vector);
        }
        out.write(digit(vector, i) << 4 | digit(vector, i + 1));
        i += 2;
      }
    }
    return out.toByteArray();
  }

  /** Returns a read-only buffer over the bytes the vector describes. */
  public static ByteBuffer buffer(String vector) {
    return ByteBuffer.wrap(bytes(vector)).asReadOnlyBuffer();
  }

  /** Returns the concatenation of the given arrays. */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Returns {@code n} copies of {@code b}. */
  public static byte[] repeat(int b, int n) {
    byte[] out = new byte[n];
    java.util.Arrays.fill(out, (byte) b);
    return out;
  }

  /** Formats bytes as lower-case hex pairs separated by spaces (for assertion messages). */
  public static String format(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < bytes.length; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16))
          .append(Character.forDigit(bytes[i] & 0xF, 16));
    }
    return s.toString();
  }

  /** Returns the remaining bytes of {@code buffer} without moving its position. */
  public static byte[] remaining(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }

  private static int digit(String vector, int i) {
    int d = Character.digit(vector.charAt(i), 16);
    if (d < 0) {
      throw new IllegalArgumentException("not a hex digit at " + i + ": " + vector);
    }
    return d;
  }
}
