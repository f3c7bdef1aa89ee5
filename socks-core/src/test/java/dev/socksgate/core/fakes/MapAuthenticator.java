package dev.socksgate.core.fakes;

import dev.socksgate.core.port.Authenticator;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link Authenticator} over a map of usernames to passwords (US-ASCII). Accepts exactly the
 * pairs it holds. Completes at once. Thread-safe.
 */
public final class MapAuthenticator implements Authenticator {

  private final Map<String, byte[]> passwords = new ConcurrentHashMap<>();

  /** Accepts {@code username} with {@code password}. */
  public MapAuthenticator user(String username, String password) {
    passwords.put(username, password.getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  @Override
  public CompletionStage<Boolean> verify(InetAddress client, byte[] username, byte[] password) {
    byte[] expected = passwords.get(new String(username, StandardCharsets.ISO_8859_1));
    return CompletableFuture.completedFuture(
        expected != null && MessageDigest.isEqual(expected, password)); // constant time
  }
}
