package dev.socksgate.core.port;

import java.net.InetAddress;
import java.util.concurrent.CompletionStage;

/**
 * Verifies RFC 1929 credentials. Tor accepts every credential (they only select isolation); an
 * authenticator is for servers that require a password. Verification may be slow on purpose (a
 * key-derivation function), so it is asynchronous. The caller names the client's address so that an
 * implementation can share its work fairly between clients and slow down one that keeps guessing
 * (an IPv4 address, an IPv6 /64: {@link dev.socksgate.core.policy.AddressKey}); every protocol that
 * checks a password (SOCKS5, HTTP {@code Proxy-Authorization}) calls this one method.
 */
public interface Authenticator {

  /**
   * Checks a username and password sent by {@code client}.
   *
   * @param client the address the credentials came from (the connection's peer, never resolved)
   * @param username UNAME bytes (0 to 255)
   * @param password PASSWD bytes (0 to 255)
   * @return true to accept. Exceptional completion counts as a refusal.
   */
  CompletionStage<Boolean> verify(InetAddress client, byte[] username, byte[] password);
}
