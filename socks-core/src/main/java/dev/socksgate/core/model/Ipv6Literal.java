package dev.socksgate.core.model;

import java.net.InetAddress;
import java.util.Optional;

/** A lookup-free parser for IPv6 text (RFC 4291 §2.2), including "::" and an IPv4 tail. */
final class Ipv6Literal {

  private Ipv6Literal() {}

  /** Returns the 16 bytes of {@code s}, or empty if it is not an IPv6 literal. */
  static Optional<byte[]> parse(String s) {
    if (s.length() < 2 || s.length() > 45 || s.indexOf(':') < 0) {
      return Optional.empty();
    }
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return Optional.empty();
    }
    byte[] out = new byte[16];
    if (gap < 0) {
      return fill(s, out) == 16 ? Optional.of(out) : Optional.empty();
    }
    if (s.substring(0, gap).indexOf('.') >= 0) {
      return Optional.empty();
    }
    byte[] head = new byte[16];
    byte[] tail = new byte[16];
    int h = gap == 0 ? 0 : fill(s.substring(0, gap), head);
    String rest = s.substring(gap + 2);
    int t = rest.isEmpty() ? 0 : fill(rest, tail);
    if (h < 0 || t < 0 || h + t > 14) {
      return Optional.empty();
    }
    System.arraycopy(head, 0, out, 0, h);
    System.arraycopy(tail, 0, out, 16 - t, t);
    return Optional.of(out);
  }

  /** Parses colon-separated groups into {@code out}; returns the bytes written or -1. */
  private static int fill(String s, byte[] out) {
    String[] groups = s.split(":", -1);
    int n = 0;
    for (int g = 0; g < groups.length; g++) {
      String group = groups[g];
      if (g == groups.length - 1 && group.indexOf('.') >= 0) {
        Optional<InetAddress> v4 =
            HostNames.parseLiteral(group).filter(a -> a.getAddress().length == 4);
        if (v4.isEmpty() || n + 4 > out.length) {
          return -1;
        }
        System.arraycopy(v4.get().getAddress(), 0, out, n, 4);
        n += 4;
        continue;
      }
      if (group.isEmpty() || group.length() > 4 || n + 2 > out.length) {
        return -1;
      }
      int v = 0;
      for (int i = 0; i < group.length(); i++) {
        int d = hexDigit(group.charAt(i));
        if (d < 0) {
          return -1;
        }
        v = v << 4 | d;
      }
      out[n++] = (byte) (v >> 8);
      out[n++] = (byte) v;
    }
    return n;
  }

  /** ASCII only: {@link Character#digit} would also take other scripts' digits. */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
      return (c | 0x20) - 'a' + 10;
    }
    return -1;
  }
}
