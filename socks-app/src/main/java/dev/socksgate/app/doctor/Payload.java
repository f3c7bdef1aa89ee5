package dev.socksgate.app.doctor;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * The bytes of the 16 MiB transfer: a pseudo-random stream from a seed, the same each time, so the
 * receiver's SHA-256 can be compared with the one the sender's stream must have. The two directions
 * use different seeds, so that a server that reflects the upload back does not pass.
 */
final class Payload {

  /** Bytes per direction. */
  static final long LENGTH = 16L * 1024 * 1024;

  /** The client's stream (upload). */
  static final long UP_SEED = 0x50c4_6a7e_0001L;

  /** The origin's stream (download). */
  static final long DOWN_SEED = 0x50c4_6a7e_0002L;

  private static final int CHUNK = 64 * 1024;

  private Payload() {}

  /** What a receiver of the whole stream {@code seed} must have seen. */
  static Received expected(long seed) {
    MessageDigest d = sha256();
    SplittableRandom random = new SplittableRandom(seed);
    byte[] chunk = new byte[CHUNK];
    for (long sent = 0; sent < LENGTH; sent += CHUNK) {
      random.nextBytes(chunk);
      d.update(chunk);
    }
    return Received.of(LENGTH, d.digest());
  }

  /** Writes the whole stream {@code seed} to {@code out}. */
  static void write(long seed, OutputStream out) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] chunk = new byte[CHUNK];
    for (long sent = 0; sent < LENGTH; sent += CHUNK) {
      random.nextBytes(chunk);
      out.write(chunk);
    }
    out.flush();
  }

  /** A new SHA-256 digest; every Java platform has one. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform must provide SHA-256", e);
    }
  }
}
