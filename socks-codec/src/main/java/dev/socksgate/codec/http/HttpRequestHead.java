package dev.socksgate.codec.http;

import dev.socksgate.codec.Decoded;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP/1.0 or HTTP/1.1 request head (RFC 9112 §2.1): the request line and the header fields, up
 * to and including the empty line. Bytes after the head (a tunnel's first data) are not part of it.
 *
 * @param method the method token, case-sensitive ({@code CONNECT}, {@code OPTIONS}, ...)
 * @param target the request-target as sent; for CONNECT the authority, see {@link ConnectTarget}
 * @param minorVersion 0 for HTTP/1.0, 1 for HTTP/1.1
 * @param fields the header fields in the order sent, duplicates kept
 */
public record HttpRequestHead(
    String method, String target, int minorVersion, List<HttpField> fields) {

  /** The CONNECT method (RFC 9110 §9.3.6). */
  public static final String CONNECT = "CONNECT";

  /** The OPTIONS method (RFC 9110 §9.3.7). */
  public static final String OPTIONS = "OPTIONS";

  /** Validates the fields. */
  public HttpRequestHead {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    fields = List.copyOf(fields);
    if (method.isEmpty() || !method.chars().allMatch(HttpSyntax::isTchar)) {
      throw new IllegalArgumentException("method is not a token");
    }
    if (target.isEmpty() || !target.chars().allMatch(HttpSyntax::isVchar)) {
      throw new IllegalArgumentException("request-target is empty or not visible ASCII");
    }
    if (minorVersion != 0 && minorVersion != 1) {
      throw new IllegalArgumentException("HTTP/1.0 and HTTP/1.1 only");
    }
  }

  /**
   * Decodes one request head from {@code in}'s position; see {@link HttpHeadDecoder} for the
   * grammar and limits. Only a complete head moves the position (to the byte after the empty line).
   */
  public static Decoded<HttpRequestHead> decode(ByteBuffer in) {
    return new HttpHeadDecoder().decode(in);
  }

  /** Returns the value of the first field named {@code name} (case-insensitive), if any. */
  public Optional<String> firstValue(String name) {
    return fields.stream().filter(f -> f.hasName(name)).findFirst().map(HttpField::value);
  }

  /** Returns the head as it travels: request line, fields, empty line, CRLF line ends. */
  public byte[] toBytes() {
    StringBuilder s = new StringBuilder();
    s.append(method).append(' ').append(target).append(" HTTP/1.").append(minorVersion);
    s.append("\r\n");
    for (HttpField f : fields) {
      s.append(f.name()).append(':').append(f.rawValue()).append("\r\n");
    }
    return s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Redacted: the target and the field values are the client's business. */
  @Override
  public String toString() {
    return "HttpRequestHead[" + method + ", HTTP/1." + minorVersion + ", " + fields.size() + "]";
  }
}
