package dev.socksgate.app.doctor;

import java.util.HexFormat;
import java.util.Objects;

/**
 * What one side of a connection received: the byte count and the SHA-256 of the bytes.
 *
 * @param count how many bytes
 * @param sha256 their SHA-256, in hex
 */
record Received(long count, String sha256) {

  /** Validates the fields. */
  Received {
    Objects.requireNonNull(sha256, "sha256");
  }

  static Received of(long count, byte[] digest) {
    return new Received(count, HexFormat.of().formatHex(digest));
  }
}
