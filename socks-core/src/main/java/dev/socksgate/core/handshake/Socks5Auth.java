package dev.socksgate.core.handshake;

import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Greeting;
import java.util.Arrays;

/**
 * Tor's SOCKS5 authentication rules (Tor reference §4 (docs/tor-reference.md), §5): which method
 * the server selects, and which RFC 1929 usernames proposal 351 forbids.
 */
final class Socks5Auth {

  private static final byte[] TOR_EXTENSION_PREFIX = {'<', 't', 'o', 'r', 'S', '0', 'X', '>'};
  private static final byte[] TOR_EXTENSION_FORMAT_0 = {
    '<', 't', 'o', 'r', 'S', '0', 'X', '>', '0'
  };

  private Socks5Auth() {}

  /**
   * Returns the method to select (Tor {@code process_socks5_methods_request}): 02 if offered,
   * unless 00 was offered too and the listener prefers no authentication; otherwise 00 if offered;
   * otherwise {@link Socks5AuthMethod#NO_ACCEPTABLE}. Order and duplicates do not matter. When
   * authentication is required, 00 counts as not offered.
   */
  static Socks5AuthMethod select(
      Socks5Greeting greeting, boolean requireAuthentication, boolean preferNoAuth) {
    boolean password = greeting.offers(Socks5AuthMethod.USERNAME_PASSWORD);
    boolean none = greeting.offers(Socks5AuthMethod.NO_AUTH) && !requireAuthentication;
    if (password && !(none && preferNoAuth)) {
      return Socks5AuthMethod.USERNAME_PASSWORD;
    }
    return none ? Socks5AuthMethod.NO_AUTH : Socks5AuthMethod.NO_ACCEPTABLE;
  }

  /**
   * Returns true for a username that proposal 351 rejects: one that starts with the 8 bytes {@code
   * <torS0X>} and is not exactly {@code <torS0X>0}. The match is case-sensitive.
   */
  static boolean isForbiddenTorExtension(byte[] username) {
    int n = TOR_EXTENSION_PREFIX.length;
    return username.length >= n
        && Arrays.equals(username, 0, n, TOR_EXTENSION_PREFIX, 0, n)
        && !Arrays.equals(username, TOR_EXTENSION_FORMAT_0);
  }
}
