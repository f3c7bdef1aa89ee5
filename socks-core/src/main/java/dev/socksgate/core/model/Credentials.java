package dev.socksgate.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a client presented as credentials: nothing, a SOCKS4 user id, or an RFC 1929
 * username/password pair. Credentials are never shown by {@code toString()}.
 *
 * <p>For isolation (Tor reference §13 (docs/tor-reference.md)), {@link #isolationUsername()} and
 * {@link #isolationPassword()} give Tor's view: an empty field is absent, a SOCKS4 user id is a
 * username without a password.
 */
public sealed interface Credentials
    permits Credentials.None,
        Credentials.Socks4UserId,
        Credentials.UsernamePassword,
        Credentials.HttpIsolation {

  /** The one "no credentials" value. */
  None NONE = new None();

  /** Returns the username as Tor compares it for isolation: absent when empty or none. */
  Optional<byte[]> isolationUsername();

  /** Returns the password as Tor compares it for isolation: absent when empty or none. */
  Optional<byte[]> isolationPassword();

  /** No credentials: SOCKS5 method 00, or SOCKS4 with an empty user id. */
  record None() implements Credentials {
    @Override
    public Optional<byte[]> isolationUsername() {
      return Optional.empty();
    }

    @Override
    public Optional<byte[]> isolationPassword() {
      return Optional.empty();
    }
  }

  /**
   * A non-empty SOCKS4 USERID.
   *
   * @param userId the user id bytes (copied)
   */
  record Socks4UserId(byte[] userId) implements Credentials {
    /** Copies and validates the user id. */
    public Socks4UserId {
      userId = userId.clone();
      if (userId.length == 0) {
        throw new IllegalArgumentException("an empty user id is Credentials.NONE");
      }
    }

    @Override
    public byte[] userId() {
      return userId.clone();
    }

    @Override
    public Optional<byte[]> isolationUsername() {
      return Optional.of(userId.clone());
    }

    @Override
    public Optional<byte[]> isolationPassword() {
      return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Socks4UserId other && Arrays.equals(userId, other.userId);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(userId);
    }

    @Override
    public String toString() {
      return "Socks4UserId[<redacted>]";
    }
  }

  /**
   * An RFC 1929 username and password, each 0 to 255 bytes.
   *
   * @param username UNAME (copied)
   * @param password PASSWD (copied)
   */
  record UsernamePassword(byte[] username, byte[] password) implements Credentials {
    /** Copies and validates the fields. */
    public UsernamePassword {
      username = username.clone();
      password = password.clone();
      if (username.length > 255 || password.length > 255) {
        throw new IllegalArgumentException("username and password are at most 255 bytes");
      }
    }

    @Override
    public byte[] username() {
      return username.clone();
    }

    @Override
    public byte[] password() {
      return password.clone();
    }

    @Override
    public Optional<byte[]> isolationUsername() {
      return username.length == 0 ? Optional.empty() : Optional.of(username.clone());
    }

    @Override
    public Optional<byte[]> isolationPassword() {
      return password.length == 0 ? Optional.empty() : Optional.of(password.clone());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof UsernamePassword other
          && Arrays.equals(username, other.username)
          && Arrays.equals(password, other.password);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(username) + Arrays.hashCode(password);
    }

    @Override
    public String toString() {
      return "UsernamePassword[<redacted>]";
    }
  }

  /**
   * The isolation inputs of an HTTP CONNECT request (torspec {@code http-connect}, "Isolation"):
   * the first {@code Proxy-Authorization}, {@code Tor-Stream-Isolation} and {@code
   * X-Tor-Stream-Isolation} values, each whole. An empty value counts as absent, as an empty SOCKS
   * field does. As in C Tor, {@code Proxy-Authorization} is the isolation username; the isolation
   * password is {@code X-Tor-Stream-Isolation} alone when only it is present (so a client keeps the
   * key C Tor would give it), else both isolation headers, length-prefixed, so that the tuple of
   * three stays distinct.
   *
   * @param proxyAuthorization the whole {@code Proxy-Authorization} value
   * @param streamIsolation the {@code Tor-Stream-Isolation} value
   * @param legacyStreamIsolation the {@code X-Tor-Stream-Isolation} value
   */
  record HttpIsolation(
      Optional<String> proxyAuthorization,
      Optional<String> streamIsolation,
      Optional<String> legacyStreamIsolation)
      implements Credentials {

    /** Drops empty values: they are absent. */
    public HttpIsolation {
      proxyAuthorization = proxyAuthorization.filter(v -> !v.isEmpty());
      streamIsolation = streamIsolation.filter(v -> !v.isEmpty());
      legacyStreamIsolation = legacyStreamIsolation.filter(v -> !v.isEmpty());
    }

    @Override
    public Optional<byte[]> isolationUsername() {
      return proxyAuthorization.map(HttpIsolation::bytes);
    }

    @Override
    public Optional<byte[]> isolationPassword() {
      if (streamIsolation.isEmpty()) {
        return legacyStreamIsolation.map(HttpIsolation::bytes);
      }
      byte[] a = bytes(streamIsolation.get());
      byte[] b = legacyStreamIsolation.map(HttpIsolation::bytes).orElse(new byte[0]);
      return Optional.of(
          java.nio.ByteBuffer.allocate(8 + a.length + b.length)
              .putInt(a.length)
              .put(a)
              .putInt(b.length)
              .put(b)
              .array());
    }

    /**
     * Returns the Basic credentials of {@code Proxy-Authorization} (RFC 7617: {@code Basic
     * base64(user:password)}), as the bytes the client encoded, so one auth file serves RFC 1929
     * and HTTP alike; empty if the field is absent, not Basic, not base64, has no colon, or a part
     * is longer than RFC 1929 allows (255 bytes).
     */
    public Optional<UsernamePassword> basic() {
      return proxyAuthorization.flatMap(HttpIsolation::parseBasic);
    }

    private static Optional<UsernamePassword> parseBasic(String value) {
      String scheme = "basic ";
      if (value.length() <= scheme.length()
          || !value.substring(0, scheme.length()).equalsIgnoreCase(scheme)) {
        return Optional.empty();
      }
      byte[] decoded;
      try {
        decoded = java.util.Base64.getDecoder().decode(value.substring(scheme.length()).strip());
      } catch (IllegalArgumentException e) {
        return Optional.empty(); // not base64: the same 407 as a wrong password
      }
      int colon = -1;
      for (int i = 0; i < decoded.length && colon < 0; i++) {
        colon = decoded[i] == ':' ? i : -1;
      }
      if (colon < 0 || colon > 255 || decoded.length - colon - 1 > 255) {
        return Optional.empty();
      }
      return Optional.of(
          new UsernamePassword(
              Arrays.copyOfRange(decoded, 0, colon),
              Arrays.copyOfRange(decoded, colon + 1, decoded.length)));
    }

    private static byte[] bytes(String s) {
      return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
      return "HttpIsolation[<redacted>]";
    }
  }
}
