package dev.socksgate.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A domain name as it travels in SOCKS5 (ATYP 03, RFC 1928 §5) or SOCKS4a: 1 to {@value
 * WireLimits#MAX_DOMAIN_LENGTH} bytes, none of them NUL. The bytes are kept exactly as sent; no
 * case folding or syntax check happens here (that is policy, and lives in the core).
 *
 * <p>Immutable: the byte array is copied in and out.
 */
public final class DomainName {

  private final byte[] bytes;

  private DomainName(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Returns a name holding a copy of the given bytes.
   *
   * @throws IllegalArgumentException if the name is empty, longer than 255 bytes or holds a NUL
   */
  public static DomainName of(byte[] bytes) {
    byte[] copy = bytes.clone();
    validate(copy);
    return new DomainName(copy);
  }

  /**
   * Returns a name from a string of characters U+0000 to U+00FF, one byte each (ISO-8859-1, so that
   * every byte sequence has a string form and back).
   *
   * @throws IllegalArgumentException if a character is above U+00FF or the bytes are invalid
   */
  public static DomainName of(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) > 0xFF) {
        throw new IllegalArgumentException("character above U+00FF at index " + i);
      }
    }
    return of(name.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void validate(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("empty domain name");
    }
    if (bytes.length > WireLimits.MAX_DOMAIN_LENGTH) {
      throw new IllegalArgumentException("domain name longer than 255 bytes: " + bytes.length);
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw new IllegalArgumentException("NUL byte in domain name");
      }
    }
  }

  /** Returns a copy of the name's bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns the length in bytes (1 to 255). */
  public int length() {
    return bytes.length;
  }

  /** Returns the name with one character per byte (ISO-8859-1). */
  public String asString() {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** Writes the raw bytes (no length prefix) to {@code out}. */
  public void writeTo(java.nio.ByteBuffer out) {
    out.put(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DomainName other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return asString();
  }
}
