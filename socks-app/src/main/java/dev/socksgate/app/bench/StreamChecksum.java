package dev.socksgate.app.bench;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The running CRC32C and byte count of what one side received; compared at the end with what the
 * sender's stream must have produced ({@link Payload#expectedCrc}). CRC32C is an intrinsic on
 * direct buffers, so checking costs far less than moving the bytes.
 *
 * <p>Not thread-safe; one per stream direction.
 */
final class StreamChecksum {

  private final CRC32C crc = new CRC32C();
  private long count;

  /** Adds the bytes from the buffer's position to its limit, consuming them. */
  void update(ByteBuffer bytes) {
    count += bytes.remaining();
    crc.update(bytes);
  }

  /** Returns how many bytes were added. */
  long count() {
    return count;
  }

  /** Returns true if exactly {@code length} bytes with checksum {@code expected} were added. */
  boolean matches(int expected, long length) {
    return count == length && (int) crc.getValue() == expected;
  }
}
