package dev.socksgate.core.handshake;

import dev.socksgate.core.model.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The Basic scheme of {@code Proxy-Authorization} (RFC 7617): {@code Basic base64(user:pass)}. The
 * decoded bytes are handed to the authenticator as they are, like RFC 1929 UNAME and PASSWD, so one
 * auth file serves both protocols.
 */
final class BasicCredentials {

  private static final String SCHEME = "basic ";

  private BasicCredentials() {}

  /**
   * Returns the user and password, or empty if the value is not Basic, not base64, has no colon, or
   * a part is longer than RFC 1929 allows (255 bytes).
   */
  static Optional<Credentials.UsernamePassword> parse(String value) {
    if (value.length() <= SCHEME.length()
        || !value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.empty();
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(value.substring(SCHEME.length()).strip());
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not base64: the same 407 as a wrong password
    }
    String text = new String(decoded, StandardCharsets.ISO_8859_1);
    int colon = text.indexOf(':');
    if (colon < 0 || colon > 255 || text.length() - colon - 1 > 255) {
      return Optional.empty();
    }
    return Optional.of(
        new Credentials.UsernamePassword(
            text.substring(0, colon).getBytes(StandardCharsets.ISO_8859_1),
            text.substring(colon + 1).getBytes(StandardCharsets.ISO_8859_1)));
  }
}
