package dev.socksgate.codec.proxy;

import java.util.Optional;

/**
 * The address and port fields of a v1 header (proxy-protocol.txt §2.1), parsed strictly: IPv4 as
 * exactly four decimal numbers 0–255 without leading zeros; IPv6 as colon-separated groups of 1 to
 * 4 hex digits, at most one {@code ::} standing for one or more zero groups, 128 bits in all; ports
 * as decimal 0–65535 without leading zeros. Nothing here resolves a name.
 */
final class TextAddress {

  private TextAddress() {}

  /** Parses a dotted-quad IPv4 address. */
  static Optional<byte[]> ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      int v = decimal(parts[i], 3);
      if (v < 0 || v > 255) {
        return Optional.empty();
      }
      out[i] = (byte) v;
    }
    return Optional.of(out);
  }

  /** Parses an IPv6 address in hex groups. */
  static Optional<byte[]> ipv6(String s) {
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return Optional.empty(); // two gaps, or ":::"
    }
    Optional<int[]> headGroups = groups(gap < 0 ? s : s.substring(0, gap));
    Optional<int[]> tailGroups = gap < 0 ? Optional.of(new int[0]) : groups(s.substring(gap + 2));
    if (headGroups.isEmpty() || tailGroups.isEmpty()) {
      return Optional.empty();
    }
    int[] head = headGroups.get();
    int[] tail = tailGroups.get();
    int count = head.length + tail.length;
    if (gap < 0 ? count != 8 : count > 7) {
      return Optional.empty();
    }
    byte[] out = new byte[16];
    for (int i = 0; i < head.length; i++) {
      put(out, i, head[i]);
    }
    for (int i = 0; i < tail.length; i++) {
      put(out, 8 - tail.length + i, tail[i]);
    }
    return Optional.of(out);
  }

  /** Parses a port; -1 if it is not one. */
  static int port(String s) {
    int v = decimal(s, 5);
    return v <= 0xFFFF ? v : -1;
  }

  /** Formats 16 address bytes as eight hex groups without leading zeros (a form §2.1 allows). */
  static String formatIpv6(byte[] raw) {
    StringBuilder b = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i > 0) {
        b.append(':');
      }
      b.append(Integer.toHexString(((raw[2 * i] & 0xFF) << 8) | (raw[2 * i + 1] & 0xFF)));
    }
    return b.toString();
  }

  /** Formats 4 address bytes as a dotted quad. */
  static String formatIpv4(byte[] raw) {
    return (raw[0] & 0xFF) + "." + (raw[1] & 0xFF) + "." + (raw[2] & 0xFF) + "." + (raw[3] & 0xFF);
  }

  private static void put(byte[] out, int group, int value) {
    out[2 * group] = (byte) (value >> 8);
    out[2 * group + 1] = (byte) value;
  }

  // The groups of "a:b:c"; an empty string has none. Empty if any group is not 1-4 hex digits.
  private static Optional<int[]> groups(String s) {
    if (s.isEmpty()) {
      return Optional.of(new int[0]);
    }
    String[] parts = s.split(":", -1);
    if (parts.length > 8) {
      return Optional.empty();
    }
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 4) {
        return Optional.empty();
      }
      int v = 0;
      for (int k = 0; k < p.length(); k++) {
        int d = Character.digit(p.charAt(k), 16);
        if (d < 0) {
          return Optional.empty();
        }
        v = v << 4 | d;
      }
      out[i] = v;
    }
    return Optional.of(out);
  }

  // A decimal of 1 to maxDigits ASCII digits without a leading zero; -1 if it is not one.
  private static int decimal(String s, int maxDigits) {
    if (s.isEmpty() || s.length() > maxDigits || (s.length() > 1 && s.charAt(0) == '0')) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
