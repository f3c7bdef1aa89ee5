package dev.socksgate.core.port;

import java.util.concurrent.CompletionStage;

/**
 * Verifies RFC 1929 credentials. Tor accepts every credential (they only select isolation); an
 * authenticator is for servers that require a password. Verification may be slow on purpose (a
 * key-derivation function), so it is asynchronous.
 */
public interface Authenticator {

  /**
   * Checks a username and password.
   *
   * @param username UNAME bytes (0 to 255)
   * @param password PASSWD bytes (0 to 255)
   * @return true to accept. Exceptional completion counts as a refusal.
   */
  CompletionStage<Boolean> verify(byte[] username, byte[] password);
}
