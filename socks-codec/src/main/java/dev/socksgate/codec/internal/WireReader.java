package dev.socksgate.codec.internal;

import dev.socksgate.codec.CodecError;
import dev.socksgate.codec.Decoded;
import java.nio.ByteBuffer;

/**
 * A bounds-checked cursor over the readable bytes of a buffer. Reads are absolute: the buffer's
 * position moves only in {@link #complete}, by exactly the bytes read, so bytes after a message are
 * never consumed. Callers check {@link #has} before every read; a read past the limit is a bug and
 * throws.
 */
public final class WireReader {

  private final ByteBuffer buf;
  private final int start;
  private final int available;
  private int offset;

  /** Starts reading at {@code in.position()}. */
  public WireReader(ByteBuffer in) {
    this.buf = in;
    this.start = in.position();
    this.available = in.remaining();
  }

  /** Returns true if at least {@code n} more bytes can be read. */
  public boolean has(int n) {
    return available - offset >= n;
  }

  /** Returns the number of bytes read so far. */
  public int offset() {
    return offset;
  }

  /** Returns the number of readable bytes in total. */
  public int available() {
    return available;
  }

  /** Reads an unsigned byte. */
  public int u8() {
    check(1);
    return buf.get(start + offset++) & 0xFF;
  }

  /** Returns the unsigned byte at {@code index} bytes after the current offset, without reading. */
  public int peek(int index) {
    if (index < 0 || !has(index + 1)) {
      throw new IndexOutOfBoundsException(index);
    }
    return buf.get(start + offset + index) & 0xFF;
  }

  /** Reads a big-endian unsigned 16-bit value (network byte order, RFC 1928). */
  public int u16() {
    check(2);
    int hi = buf.get(start + offset) & 0xFF;
    int lo = buf.get(start + offset + 1) & 0xFF;
    offset += 2;
    return hi << 8 | lo;
  }

  /** Reads {@code n} bytes into a new array. */
  public byte[] bytes(int n) {
    check(n);
    byte[] out = new byte[n];
    buf.get(start + offset, out);
    offset += n;
    return out;
  }

  /**
   * Returns the index, relative to the current offset, of the first NUL byte among the next {@code
   * max} readable bytes, or -1 if there is none among them.
   */
  public int indexOfNul(int max) {
    int end = Math.min(available - offset, max);
    for (int i = 0; i < end; i++) {
      if (buf.get(start + offset + i) == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Consumes the bytes read so far and returns the complete message. */
  public <T> Decoded<T> complete(T value) {
    buf.position(start + offset);
    return new Decoded.Message<>(value, offset);
  }

  /** Returns "need more" for a message (or part) that ends {@code totalLength} bytes in. */
  public <T> Decoded<T> needUntil(int totalLength) {
    return new Decoded.NeedMore<>(Math.max(1, totalLength - available));
  }

  /** Returns a malformation; the buffer is left untouched. */
  public static <T> Decoded<T> malformed(CodecError.Reason reason, String field, int value) {
    return new Decoded.Malformed<>(new CodecError(reason, field, value));
  }

  private void check(int n) {
    if (!has(n)) {
      throw new IndexOutOfBoundsException("read of " + n + " past the limit");
    }
  }
}
