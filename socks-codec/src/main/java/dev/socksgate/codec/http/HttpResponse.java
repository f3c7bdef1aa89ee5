package dev.socksgate.codec.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A response head the tunnel sends (RFC 9112 §4): always {@code HTTP/1.0}, as C Tor answers, with a
 * reason phrase that names the failure, optional header fields and an optional body (the "not an
 * HTTP proxy" page). Every failure response also says {@code Connection: close} and, unless a body
 * follows, {@code Content-Length: 0}, so that a client never waits for a body.
 *
 * @param status the status code, 100 to 599
 * @param reason the reason phrase: visible ASCII and spaces
 * @param fields header fields, in order
 * @param body the body, ASCII (empty for none)
 */
public record HttpResponse(int status, String reason, List<HttpField> fields, String body) {

  /** Validates the fields. */
  public HttpResponse {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(body, "body");
    fields = List.copyOf(fields);
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status out of range: " + status);
    }
    if (!reason.chars().allMatch(c -> c == ' ' || HttpSyntax.isVchar(c))) {
      throw new IllegalArgumentException("reason phrase must be visible ASCII");
    }
    if (!body.chars().allMatch(c -> c < 0x80)) {
      throw new IllegalArgumentException("body must be ASCII");
    }
  }

  /** A {@code 200} that opens the tunnel: the status line and the empty line, nothing else. */
  public static HttpResponse tunnelEstablished() {
    return new HttpResponse(200, "OK", List.of(), "");
  }

  /** An answer that is followed by more requests on the same connection (OPTIONS). */
  public static HttpResponse keepOpen(int status, String reason, List<HttpField> fields) {
    List<HttpField> all = new ArrayList<>(fields);
    all.add(HttpField.of("Content-Length", "0"));
    return new HttpResponse(status, reason, all, "");
  }

  /** A last answer: the server closes the connection after it. */
  public static HttpResponse closing(int status, String reason, List<HttpField> fields) {
    return closing(status, reason, fields, "");
  }

  /** A last answer with an HTML body. */
  public static HttpResponse closing(
      int status, String reason, List<HttpField> fields, String htmlBody) {
    List<HttpField> all = new ArrayList<>(fields);
    if (!htmlBody.isEmpty()) {
      all.add(HttpField.of("Content-Type", "text/html; charset=us-ascii"));
    }
    all.add(HttpField.of("Content-Length", Integer.toString(htmlBody.length())));
    all.add(HttpField.of("Connection", "close"));
    return new HttpResponse(status, reason, all, htmlBody);
  }

  /** Returns the response as it travels. */
  public byte[] toBytes() {
    StringBuilder s = new StringBuilder();
    s.append("HTTP/1.0 ").append(status).append(' ').append(reason).append("\r\n");
    for (HttpField f : fields) {
      s.append(f.name()).append(':').append(f.rawValue()).append("\r\n");
    }
    s.append("\r\n").append(body);
    return s.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Returns the response as a new read-only buffer. */
  public ByteBuffer toBuffer() {
    return ByteBuffer.wrap(toBytes()).asReadOnlyBuffer();
  }
}
