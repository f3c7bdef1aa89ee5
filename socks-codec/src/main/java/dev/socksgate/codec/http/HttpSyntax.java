package dev.socksgate.codec.http;

/** Character classes of RFC 9110 §5.6 and RFC 9112, for bytes read as ISO-8859-1 characters. */
final class HttpSyntax {

  private static final String TCHAR_PUNCT = "!#$%&'*+-.^_`|~";

  private HttpSyntax() {}

  /** {@code tchar}: the characters of a token (method, field name). */
  static boolean isTchar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || (c < 0x80 && c > 0x20 && TCHAR_PUNCT.indexOf(c) >= 0);
  }

  /** {@code VCHAR}: visible ASCII, as a request-target holds. */
  static boolean isVchar(int c) {
    return c > 0x20 && c < 0x7F;
  }

  /** A character allowed in a field value: VCHAR, SP, HTAB, obs-text. */
  static boolean isFieldChar(int c) {
    return c == ' ' || c == '\t' || isVchar(c) || (c >= 0x80 && c <= 0xFF);
  }

  /** {@code OWS} characters. */
  static boolean isOws(int c) {
    return c == ' ' || c == '\t';
  }
}
