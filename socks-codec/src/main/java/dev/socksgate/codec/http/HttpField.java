package dev.socksgate.codec.http;

import java.util.Locale;
import java.util.Objects;

/**
 * One header field line (RFC 9112 §5): {@code field-name ":" OWS field-value OWS}. The text after
 * the colon is kept exactly as sent ({@link #rawValue()}), so that a head re-encodes to its bytes;
 * {@link #value()} is the field value without the optional whitespace around it. Characters are
 * bytes (ISO-8859-1), so obs-text survives unchanged.
 *
 * @param name the field name, as sent (compare with {@link #hasName(String)}: names are
 *     case-insensitive)
 * @param rawValue everything between the colon and the CRLF
 */
public record HttpField(String name, String rawValue) {

  /** Validates the fields: a token name and a value without CR, LF or NUL. */
  public HttpField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rawValue, "rawValue");
    if (name.isEmpty() || !name.chars().allMatch(HttpSyntax::isTchar)) {
      throw new IllegalArgumentException("field name is not a token");
    }
    if (!rawValue.chars().allMatch(HttpSyntax::isFieldChar)) {
      throw new IllegalArgumentException("field value holds a control character");
    }
  }

  /** Returns a field with one space after the colon, as an encoder writes it. */
  public static HttpField of(String name, String value) {
    return new HttpField(name, " " + value);
  }

  /** Returns the field value without leading and trailing spaces and tabs (RFC 9110 §5.5). */
  public String value() {
    int start = 0;
    int end = rawValue.length();
    while (start < end && HttpSyntax.isOws(rawValue.charAt(start))) {
      start++;
    }
    while (end > start && HttpSyntax.isOws(rawValue.charAt(end - 1))) {
      end--;
    }
    return rawValue.substring(start, end);
  }

  /** Returns true if this field's name is {@code other}, ignoring ASCII case. */
  public boolean hasName(String other) {
    return name.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
  }

  /** Redacted: field values may carry credentials (Proxy-Authorization). */
  @Override
  public String toString() {
    return "HttpField[" + name + "]";
  }
}
