package dev.socksgate.app.auth;

import dev.socksgate.core.port.Authenticator;
import dev.socksgate.core.port.TimeSource;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Verifies RFC 1929 credentials against an {@link AuthFile}, on its own small pool so the event
 * loops never run a key-derivation function. Unknown users cost the same work as known ones (a
 * decoy hash). Credentials verified once are remembered (as a SHA-256 digest, at most {@value
 * #CACHE_SIZE}) so a client reconnecting with the same password does not pay PBKDF2 again.
 *
 * <p>Under attack the pool is shared fairly ({@link FairVerifier}, {@link VerificationScheduler}):
 * client addresses take turns, each has at most {@value VerificationScheduler#PER_ADDRESS_LIMIT}
 * attempts pending (more are refused at once, without a hash), all together at most {@value
 * #QUEUE_LIMIT} waiting, and an address that keeps failing waits longer and longer ({@link
 * FailureBackOff}). A right password from such an address is still accepted when its turn comes.
 * Every attempt is reported to {@link AuthEvents}.
 *
 * <p>Thread-safe. {@link #replace} swaps the file on reload: verifications from then on use the new
 * entries, and the remembered credentials are forgotten. {@link #close()} stops the pool.
 */
public final class FileAuthenticator implements Authenticator, AutoCloseable {

  /** Most remembered good credentials. */
  public static final int CACHE_SIZE = 4096;

  /** Most verifications waiting; beyond it a verification is refused at once. */
  public static final int QUEUE_LIMIT = 256;

  private volatile AuthFile file; // replaced whole on reload
  private final PasswordHash decoy;
  private final AuthEvents events;
  private final FairVerifier verifier;
  private final Set<ByteBuffer> verified =
      Collections.newSetFromMap(
          Collections.synchronizedMap(
              new LinkedHashMap<ByteBuffer, Boolean>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
                  return size() > CACHE_SIZE;
                }
              }));

  /** Creates the authenticator with {@code threads} verification threads, reporting nowhere. */
  public FileAuthenticator(AuthFile file, int threads) {
    this(file, threads, System::nanoTime, AuthEvents.NONE);
  }

  /**
   * Creates the authenticator.
   *
   * @param file the users
   * @param threads the verification threads
   * @param time the clock of the failure back-off
   * @param events told how every attempt ends
   */
  public FileAuthenticator(AuthFile file, int threads, TimeSource time, AuthEvents events) {
    this.file = file;
    this.decoy = PasswordHash.create("decoy".toCharArray(), file.decoyIterations());
    this.events = events;
    this.verifier = new FairVerifier(threads, QUEUE_LIMIT, time, events);
  }

  /**
   * Verifies against {@code next} from now on and forgets every remembered credential, so that a
   * removed user or a changed password is refused at the next attempt. A verification already
   * running finishes against the file it started with.
   */
  public void replace(AuthFile next) {
    file = next;
    verified.clear();
  }

  /** Returns the file verified against now. */
  public AuthFile file() {
    return file;
  }

  /** Returns how many users the current file holds. */
  public int users() {
    return file.size();
  }

  @Override
  public CompletionStage<Boolean> verify(InetAddress client, byte[] username, byte[] password) {
    ByteBuffer digest = ByteBuffer.wrap(digest(username, password));
    // Remembered credentials skip the queue and any back-off: they cost no CPU, and answering them
    // at once only says "right", which the reply says anyway.
    if (verified.contains(digest)) {
      events.attempt(AuthEvents.Outcome.ACCEPTED);
      return CompletableFuture.completedFuture(true);
    }
    byte[] user = username.clone();
    char[] pass = AuthFile.chars(password);
    AuthFile current = file;
    return verifier.submit(
        client,
        digest,
        () -> {
          boolean ok =
              current
                  .lookup(user)
                  .map(h -> h.matches(pass))
                  .orElseGet(
                      () -> {
                        decoy.matches(pass);
                        return false;
                      });
          Arrays.fill(pass, '\0');
          if (ok && file == current) { // not remembered across a replace
            verified.add(digest);
          }
          return ok;
        });
  }

  @Override
  public void close() {
    verifier.close();
  }

  private static byte[] digest(byte[] username, byte[] password) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((byte) username.length);
      md.update(username);
      md.update(password);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
