package dev.socksgate.app.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA512 password hash, as stored in an auth file: {@code
 * pbkdf2-sha512:ITERATIONS:SALT:HASH} with base64 salt and hash. Comparison is constant-time.
 *
 * @param iterations PBKDF2 iterations
 * @param salt the salt (copied)
 * @param hash the derived key (copied)
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

  /** The scheme name in the file. */
  public static final String SCHEME = "pbkdf2-sha512";

  /** Iterations for new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA512). */
  public static final int DEFAULT_ITERATIONS = 210_000;

  /** The most iterations accepted from a file, bounding the work per check. */
  public static final int MAX_ITERATIONS = 10_000_000;

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 64;

  /** Validates and copies the fields. */
  public PasswordHash {
    salt = salt.clone();
    hash = hash.clone();
    if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length < 8 || hash.length < 16) {
      throw new IllegalArgumentException("bad password hash parameters");
    }
  }

  /** Hashes {@code password} with a fresh random salt. */
  public static PasswordHash create(char[] password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BYTES));
  }

  /**
   * Parses the stored form.
   *
   * @throws IllegalArgumentException if it is not {@code pbkdf2-sha512:N:SALT:HASH}
   */
  public static PasswordHash parse(String stored) {
    String[] parts = stored.split(":", -1);
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException("expected " + SCHEME + ":ITERATIONS:SALT:HASH");
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      return new PasswordHash(
          Integer.parseInt(parts[1]), b64.decode(parts[2]), b64.decode(parts[3]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed " + SCHEME + " entry");
    }
  }

  /** Returns true if {@code password} matches, comparing in constant time. */
  public boolean matches(char[] password) {
    return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length));
  }

  /** Returns the stored form. */
  public String format() {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + ":"
        + iterations
        + ":"
        + b64.encodeToString(salt)
        + ":"
        + b64.encodeToString(hash);
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PasswordHash p
        && iterations == p.iterations
        && Arrays.equals(salt, p.salt)
        && Arrays.equals(hash, p.hash);
  }

  @Override
  public int hashCode() {
    return 31 * iterations + Arrays.hashCode(salt);
  }

  @Override
  public String toString() {
    return "PasswordHash[" + SCHEME + ", iterations=" + iterations + "]";
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
