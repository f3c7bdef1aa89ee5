package dev.socksgate.core.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Tor's rules for destination strings (Tor reference §6.3 (docs/tor-reference.md), {@code
 * string_is_valid_dest}): strict IP literals, and otherwise host names made of labels of {@code
 * [A-Za-z0-9-_]} that do not start with {@code -} or {@code _}, with one optional trailing dot.
 * Parsing never performs a lookup.
 */
public final class HostNames {

  private HostNames() {}

  /** Returns true if Tor would accept {@code dest} as a destination. */
  public static boolean isValidDestination(String dest) {
    return parseLiteral(dest).isPresent() || isValidHostname(dest);
  }

  /**
   * Parses an IP literal without any lookup: a strict dotted quad (four decimal octets, no leading
   * zeros), or an IPv6 literal, bare or in brackets.
   */
  public static Optional<InetAddress> parseLiteral(String s) {
    if (s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
      return parseIpv6(s.substring(1, s.length() - 1));
    }
    Optional<InetAddress> v4 = parseIpv4(s);
    return v4.isPresent() ? v4 : parseIpv6(s);
  }

  /** Returns true for Tor's "non-RFC" host name syntax (labels of letters, digits, - and _). */
  public static boolean isValidHostname(String name) {
    String s = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (s.isEmpty()) {
      return false;
    }
    int labelStart = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        if (i == labelStart) {
          return false;
        }
        char first = s.charAt(labelStart);
        if (first == '-' || first == '_') {
          return false;
        }
        labelStart = i + 1;
      } else if (!isLabelChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLabelChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  private static Optional<InetAddress> parseIpv4(String s) {
    byte[] out = new byte[4];
    int part = 0;
    int i = 0;
    while (part < 4) {
      int start = i;
      int value = 0;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
        return Optional.empty();
      }
      out[part++] = (byte) value;
      if (part < 4) {
        if (i >= s.length() || s.charAt(i) != '.') {
          return Optional.empty();
        }
        i++;
      }
    }
    return i == s.length() ? Optional.of(byAddress(out)) : Optional.empty();
  }

  private static Optional<InetAddress> parseIpv6(String s) {
    return Ipv6Literal.parse(s).map(HostNames::ipv6);
  }

  private static InetAddress byAddress(byte[] b) {
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InetAddress ipv6(byte[] b) {
    try {
      return Inet6Address.getByAddress(null, b, -1);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
