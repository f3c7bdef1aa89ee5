package dev.socksgate.app.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Tor-style control cookie authentication: 32 random bytes written at start-up to a file only the
 * server's user can read. A client proves it can read the file by sending the bytes in hex.
 */
public final class Cookie {

  /** Cookie length, as Tor's. */
  public static final int LENGTH = 32;

  private final byte[] secret;
  private final Path file;

  private Cookie(byte[] secret, Path file) {
    this.secret = secret;
    this.file = file;
  }

  /** Creates a fresh cookie and writes it to {@code file} (mode 0600 where POSIX). */
  public static Cookie create(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    byte[] secret = new byte[LENGTH];
    new SecureRandom().nextBytes(secret);
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.write(file, secret, StandardOpenOption.TRUNCATE_EXISTING);
    return new Cookie(secret, file);
  }

  /** Returns the file holding the cookie. */
  public Path file() {
    return file;
  }

  /** Returns true if {@code hex} is the cookie, compared in constant time. */
  public boolean matches(String hex) {
    try {
      return MessageDigest.isEqual(secret, HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
