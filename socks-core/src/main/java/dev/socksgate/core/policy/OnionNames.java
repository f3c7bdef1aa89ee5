package dev.socksgate.core.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Version 3 onion names (rend-spec-v3 §6, Tor {@code hs_address_is_valid}): an optional subdomain,
 * then 56 base32 characters and {@code .onion}. The 56 characters decode to a 32-byte public key, a
 * 2-byte checksum and the version byte 3; the checksum is the first two bytes of {@code
 * SHA3-256(".onion checksum" | pubkey | version)}.
 *
 * <p>Not checked: that the key is a valid ed25519 point (Tor also checks that), because the core
 * has no curve arithmetic. A name with a correct checksum but an invalid key passes here.
 */
final class OnionNames {

  private static final int V3_LENGTH = 56;
  private static final int KEY_LENGTH = 32;
  private static final byte VERSION_3 = 3;
  private static final byte[] CHECKSUM_PREFIX =
      ".onion checksum".getBytes(StandardCharsets.US_ASCII);
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

  private OnionNames() {}

  /** Returns true if {@code name} ends in {@code .onion}. */
  static boolean isOnion(String name) {
    return name.endsWith(".onion");
  }

  /** Returns true if {@code name} (lower-case) is a well-formed v3 onion name. */
  static boolean isValidV3(String name) {
    if (!isOnion(name)) {
      return false;
    }
    String rest = name.substring(0, name.length() - ".onion".length());
    String label = rest.substring(rest.lastIndexOf('.') + 1);
    if (label.length() != V3_LENGTH) {
      return false;
    }
    Optional<byte[]> base32 = base32(label);
    if (base32.isEmpty()) {
      return false;
    }
    byte[] decoded = base32.get();
    return decoded[decoded.length - 1] == VERSION_3
        && Arrays.equals(checksum(decoded), 0, 2, decoded, KEY_LENGTH, KEY_LENGTH + 2);
  }

  /** Decodes RFC 4648 base32 (lower-case, no padding, whole bytes); empty if not base32. */
  private static Optional<byte[]> base32(String s) {
    byte[] out = new byte[s.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = ALPHABET.indexOf(s.charAt(i));
      if (v < 0) {
        return Optional.empty();
      }
      buffer = (buffer << 5 | v) & 0xFFFF; // at most 12 live bits
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[n++] = (byte) (buffer >> bits);
      }
    }
    return Optional.of(out);
  }

  private static byte[] checksum(byte[] decoded) {
    try {
      MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
      sha3.update(CHECKSUM_PREFIX);
      sha3.update(decoded, 0, KEY_LENGTH);
      sha3.update(VERSION_3);
      return sha3.digest();
    } catch (NoSuchAlgorithmException e) {
      // The JDK's SUN provider (in java.base) has had SHA3-256 since Java 9.
      throw new IllegalStateException(e);
    }
  }
}
