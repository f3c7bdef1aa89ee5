package dev.socksgate.app.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --auth-file} format: one {@code USERNAME:pbkdf2-sha512:ITERATIONS:SALT:HASH} line per
 * user, as printed by {@code socksgate passwd USERNAME}; {@code #} comments and blank lines are
 * ignored. Usernames are compared as bytes (the file is UTF-8); they cannot contain {@code :}.
 */
public final class AuthFile {

  /** Most users read from one file. */
  public static final int MAX_USERS = 100_000;

  private final Map<String, PasswordHash> users;

  private AuthFile(Map<String, PasswordHash> users) {
    this.users = Map.copyOf(users);
  }

  /**
   * Reads and validates a file.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException naming the first bad line
   */
  public static AuthFile read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, PasswordHash> users = new HashMap<>();
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(file + ":" + n + ": expected USERNAME:HASH");
      }
      try {
        users.put(
            key(line.substring(0, colon).getBytes(StandardCharsets.UTF_8)),
            PasswordHash.parse(line.substring(colon + 1)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage());
      }
      if (users.size() > MAX_USERS) {
        throw new IllegalArgumentException(file + ": more than " + MAX_USERS + " users");
      }
    }
    return new AuthFile(users);
  }

  /** Returns the line for a new entry. */
  public static String entry(String username, PasswordHash hash) {
    if (username.isEmpty() || username.indexOf(':') >= 0 || username.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a username must be non-empty, without ':' or newline");
    }
    return username + ":" + hash.format();
  }

  /** Returns the hash stored for {@code username}, if any. */
  Optional<PasswordHash> lookup(byte[] username) {
    return Optional.ofNullable(users.get(key(username)));
  }

  /**
   * Returns the iterations to spend on an unknown user: the most any entry uses, so that a wrong
   * username costs as much time as a wrong password (no user enumeration by timing).
   */
  int decoyIterations() {
    return users.values().stream()
        .mapToInt(PasswordHash::iterations)
        .max()
        .orElse(PasswordHash.DEFAULT_ITERATIONS);
  }

  /**
   * Returns the users whose entry {@code next} removes or changes (another hash, salt or iteration
   * count): the users whose open connections a reload to {@code next} ends. Each name is the
   * username's bytes one char per byte (ISO-8859-1), as the transport names an authenticated
   * connection's user.
   */
  public Set<String> revokedBy(AuthFile next) {
    Set<String> revoked = new HashSet<>();
    users.forEach(
        (name, hash) -> {
          if (!hash.equals(next.users.get(name))) {
            revoked.add(name);
          }
        });
    return Set.copyOf(revoked);
  }

  /** Returns the number of users. */
  public int size() {
    return users.size();
  }

  /** Maps password bytes one-to-one onto chars, as entries are created (see PasswdCommand). */
  static char[] chars(byte[] bytes) {
    char[] c = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      c[i] = (char) (bytes[i] & 0xFF);
    }
    return c;
  }

  private static String key(byte[] username) {
    return new String(username, StandardCharsets.ISO_8859_1);
  }
}
