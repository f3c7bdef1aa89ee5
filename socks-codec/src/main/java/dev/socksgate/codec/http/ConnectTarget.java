package dev.socksgate.codec.http;

import dev.socksgate.codec.CodecError;
import java.util.Objects;

/**
 * The authority-form request-target of CONNECT (RFC 9110 §9.3.6, RFC 9112 §3.2.3): {@code
 * host:port}, where host is a DNS name, an IPv4 address or a bracketed IPv6 address (RFC 3986
 * §3.2.2). The codec checks the syntax only; whether the host is a valid destination, and whether
 * port 0 is allowed, is the core's policy, as for SOCKS.
 *
 * @param host the host without brackets, 1 to {@value HttpLimits#MAX_HOST} characters
 * @param bracketed true if the host was written {@code [...]}: an IP-literal, never a name
 * @param port the port, 0 to 65535
 */
public record ConnectTarget(String host, boolean bracketed, int port) {

  /** The result of {@link #parse}: a target, or why the text is not one. */
  public sealed interface Parsed permits Valid, Invalid {}

  /**
   * The text is an authority.
   *
   * @param target the parsed target
   */
  public record Valid(ConnectTarget target) implements Parsed {
    /** Validates the field. */
    public Valid {
      Objects.requireNonNull(target, "target");
    }
  }

  /**
   * The text is not an authority.
   *
   * @param error the field at fault: {@code host} ({@code TOO_LONG} over 255 characters, {@code
   *     BAD_VALUE} for other characters than RFC 3986 allows, or an unclosed bracket) or {@code
   *     port} (missing, not 1 to 5 digits, over 65535)
   */
  public record Invalid(CodecError error) implements Parsed {
    /** Validates the field. */
    public Invalid {
      Objects.requireNonNull(error, "error");
    }
  }

  private static final String REG_NAME_PUNCT = "-._~!$&'()*+,;=%";

  /** Validates the fields. */
  public ConnectTarget {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty() || host.length() > HttpLimits.MAX_HOST) {
      throw new IllegalArgumentException("host must be 1 to 255 characters");
    }
    if (!host.chars().allMatch(c -> bracketed ? isLiteralChar(c) : isRegNameChar(c))) {
      throw new IllegalArgumentException("host holds a character RFC 3986 does not allow");
    }
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Parses a CONNECT request-target. */
  public static Parsed parse(String authority) {
    int colon = authority.lastIndexOf(':');
    String host;
    boolean bracketed = authority.startsWith("[");
    if (bracketed) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return invalid(CodecError.Reason.BAD_VALUE, "host"); // "[::1" or "[::1:80"
      }
      if (close + 1 >= authority.length() || authority.charAt(close + 1) != ':') {
        return invalid(
            CodecError.Reason.BAD_VALUE, close + 1 == authority.length() ? "port" : "host");
      }
      host = authority.substring(1, close);
      colon = close + 1;
    } else {
      if (colon < 0) {
        return invalid(CodecError.Reason.BAD_VALUE, "port");
      }
      host = authority.substring(0, colon);
    }
    if (host.length() > HttpLimits.MAX_HOST) {
      return invalid(CodecError.Reason.TOO_LONG, "host");
    }
    if (host.isEmpty()
        || !host.chars().allMatch(c -> bracketed ? isLiteralChar(c) : isRegNameChar(c))) {
      return invalid(CodecError.Reason.BAD_VALUE, "host");
    }
    String digits = authority.substring(colon + 1);
    if (digits.isEmpty()
        || digits.length() > 5
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return invalid(CodecError.Reason.BAD_VALUE, "port");
    }
    int port = Integer.parseInt(digits);
    if (port > 0xFFFF) {
      return invalid(CodecError.Reason.BAD_VALUE, "port");
    }
    return new Valid(new ConnectTarget(host, bracketed, port));
  }

  /** Returns the authority as written on the wire: {@code host:port} or {@code [host]:port}. */
  public String toAuthority() {
    return (bracketed ? "[" + host + "]" : host) + ":" + port;
  }

  private static Parsed invalid(CodecError.Reason reason, String field) {
    return new Invalid(new CodecError(reason, field, -1));
  }

  private static boolean isRegNameChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || (c < 0x80 && REG_NAME_PUNCT.indexOf(c) >= 0);
  }

  private static boolean isLiteralChar(int c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'f')
        || (c >= 'A' && c <= 'F')
        || c == ':'
        || c == '.';
  }

  /** Redacted: destinations are private. */
  @Override
  public String toString() {
    return "ConnectTarget[" + (bracketed ? "IP-literal" : "host") + "]";
  }
}
