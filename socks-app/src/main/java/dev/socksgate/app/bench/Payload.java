package dev.socksgate.app.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * The bytes of bulk streams: one block of seeded pseudo-random bytes, repeated, each stream
 * direction starting at an offset of its own so that crossed or echoed streams fail their checksum.
 *
 * <p>Senders do not copy the payload at all: the block also lives in a temporary file, and {@link
 * #send} hands the socket a range of it with {@code FileChannel.transferTo} ({@code sendfile(2)} on
 * Linux). On loopback every byte costs the generator a copy at each end it owns, twice what a relay
 * pays; without this the generator, not the proxy, would set the bulk figure.
 *
 * <p>Thread-safe once built (positional file transfers); {@link #close} deletes the file.
 */
final class Payload implements AutoCloseable {

  /** The size of the repeated block. */
  static final int BLOCK = 1 << 20;

  private final ByteBuffer block;
  private final Path path;
  private final FileChannel file;

  /** Builds the block from {@code seed} and writes it to a temporary file. */
  Payload(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    ByteBuffer b = ByteBuffer.allocateDirect(BLOCK);
    while (b.hasRemaining()) {
      b.putLong(random.nextLong());
    }
    this.block = b.flip().asReadOnlyBuffer();
    this.path = Files.createTempFile("socksgate-bench", ".payload");
    try {
      this.file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
      file.write(block.duplicate(), 0);
    } catch (IOException e) {
      Files.deleteIfExists(path);
      throw e;
    }
  }

  /**
   * Writes the stream's next bytes from position {@code pos} on (at most {@code max}, never past
   * the end of the block) to {@code out} without copying them through the Java heap.
   *
   * @return the bytes written, 0 if the socket is full
   */
  long send(WritableByteChannel out, long streamSeed, long pos, long max) throws IOException {
    int start = (int) ((offset(streamSeed) + pos) % BLOCK);
    return file.transferTo(start, Math.min(BLOCK - start, max), out);
  }

  @Override
  public void close() throws IOException {
    try {
      file.close();
    } finally {
      Files.deleteIfExists(path);
    }
  }

  /** Returns a new view of the block for one sender; reuse it with {@link #window}. */
  ByteBuffer view() {
    return block.duplicate();
  }

  /** Returns where in the block the stream with this seed starts. */
  static int offset(long streamSeed) {
    return (int) Math.floorMod(streamSeed * 0x9E3779B97F4A7C15L, (long) BLOCK);
  }

  /**
   * Points {@code view} at the stream's bytes from position {@code pos} on: at most {@code max}
   * bytes, and never past the end of the block (the caller writes, then asks again).
   */
  static void window(ByteBuffer view, long streamSeed, long pos, long max) {
    int start = (int) ((offset(streamSeed) + pos) % BLOCK);
    int len = (int) Math.min(BLOCK - start, max);
    view.limit(start + len).position(start);
  }

  /** Returns the CRC32C of the first {@code length} bytes of the stream with this seed. */
  int expectedCrc(long streamSeed, long length) {
    CRC32C crc = new CRC32C();
    ByteBuffer view = view();
    for (long pos = 0; pos < length; pos += view.limit() - view.position()) {
      window(view, streamSeed, pos, length - pos);
      crc.update(view.duplicate());
    }
    return (int) crc.getValue();
  }
}
