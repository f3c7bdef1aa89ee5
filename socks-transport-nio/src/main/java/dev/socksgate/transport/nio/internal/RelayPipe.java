package dev.socksgate.transport.nio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One direction of a relay: bytes read from {@code src} are written to {@code dst}.
 *
 * <ul>
 *   <li>Bounded: at most one buffer of bytes is held; it is borrowed from the loop's pool for a
 *       read and returned the moment it is empty, so an idle direction holds nothing.
 *   <li>Adaptive: while reads keep returning at least a whole relay buffer's worth (a bulk
 *       transfer), the next read borrows a larger buffer from the loop's bulk pool, if it has one
 *       to lend (its number borrowed at once is capped); fewer system calls per byte. Interactive
 *       traffic never leaves the small buffers.
 *   <li>Backpressure by read suspension (Netty {@code HexDumpProxy}): while bytes wait for {@code
 *       dst}, {@link #wantsRead()} is false and {@link #wantsWrite()} true; the relay turns that
 *       into interest ops ({@code OP_WRITE} only while a write is incomplete).
 *   <li>Bandwidth (when the user has a {@link TokenBucket}): a read is capped at the tokens the
 *       bucket holds and charged what it read; with none left the direction is {@linkplain
 *       #isThrottled() throttled} (no read interest) until the relay's deadline resumes it.
 *   <li>Half-close: EOF from {@code src} is passed on as {@code dst.shutdownOutput()} once every
 *       buffered byte is written; the direction is then {@link #isDone()}.
 * </ul>
 *
 * <p>Confined to the relay's loop thread. I/O errors propagate; the relay closes both sides.
 */
final class RelayPipe {

  // A read that fills the buffer suggests more is waiting: read again, up to this many times per
  // readiness event, instead of going back through epoll_wait for every buffer (bulk transfers).
  private static final int READS_PER_EVENT = 4;
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final Endpoint src;
  private final Endpoint dst;
  private final BufferPool pool;
  private final BufferPool bulk; // larger buffers while this direction streams (none when off)
  private @Nullable RelayPipe reverse; // the other direction of the same relay
  // Unwritten bytes, in read mode: it has bytes remaining exactly while it holds any.
  private ByteBuffer held = EMPTY;
  private BufferPool heldFrom; // the pool held came from, when heldPooled
  private boolean heldPooled; // false for preloaded bytes, which are not the pool's
  private boolean streaming; // the last read returned at least a whole small buffer's worth
  private boolean eof;
  private boolean done;
  private Optional<TokenBucket> bucket = Optional.empty(); // the user's bandwidth limit
  private boolean throttled; // the bucket was empty: no read until the relay resumes this

  /**
   * Creates one direction.
   *
   * @param pool the loop's relay buffers
   * @param bulk the loop's larger buffers for streaming reads ({@link BufferPool#none()} for none)
   */
  RelayPipe(Endpoint src, Endpoint dst, BufferPool pool, BufferPool bulk) {
    this.src = src;
    this.dst = dst;
    this.pool = pool;
    this.bulk = bulk;
    this.heldFrom = pool;
  }

  /** Tells this direction about the other one (the relay sets both right after creating them). */
  void reverse(RelayPipe other) {
    this.reverse = other;
  }

  /**
   * Queues bytes to write before anything read from {@code src}: an exit's unsent early data. The
   * buffer is not from the pool and is dropped once written.
   */
  void preload(ByteBuffer bytes) {
    if (bytes.hasRemaining()) {
      held = bytes;
      heldPooled = false;
    }
  }

  /** Takes every read's bytes from {@code bucket} (the user's bandwidth limit). */
  void limit(TokenBucket bucket) {
    this.bucket = Optional.of(bucket);
  }

  boolean wantsRead() {
    return !held.hasRemaining() && !eof && !throttled;
  }

  /** Returns true while reads are suspended because the bandwidth bucket was empty. */
  boolean isThrottled() {
    return throttled;
  }

  /**
   * Returns how long to suspend reads: until the bucket holds a relay buffer's worth of tokens (or
   * its burst, if smaller), at least 1 ns.
   */
  long resumeNanos() {
    return bucket.map(t -> Math.max(1, t.nanosUntil(pool.bufferSize()))).orElse(1L);
  }

  /** Lets reads go on after a suspension; the relay then sets the interest ops again. */
  void resume() {
    throttled = false;
  }

  boolean wantsWrite() {
    return held.hasRemaining();
  }

  boolean isDone() {
    return done;
  }

  /**
   * Reads from {@code src} and writes what came at once to {@code dst}; while a read fills the
   * whole buffer and its write completes, reads again (at most {@value #READS_PER_EVENT} reads).
   *
   * @return the bytes read (0 if none, -1 at EOF before any byte)
   */
  int onReadable() throws IOException {
    int total = 0;
    for (int i = 0; i < READS_PER_EVENT && wantsRead(); i++) {
      BufferPool from = streaming && bulk.hasRoom() ? bulk : pool;
      ByteBuffer b = from.acquire();
      long granted = 0;
      boolean limited = bucket.isPresent();
      if (limited) {
        granted = bucket.get().take(b.remaining());
        if (granted == 0) {
          from.release(b);
          throttled = true; // the relay schedules the resumption
          return total;
        }
        if (granted < b.remaining()) {
          b.limit((int) granted); // read no more than the tokens cover (the pool clears it)
        }
      }
      int n;
      try {
        n = src.read(b);
      } catch (IOException e) {
        from.release(b);
        throw e;
      }
      if (limited) {
        bucket.get().refund(granted - Math.max(n, 0));
      }
      streaming = n >= pool.bufferSize();
      if (n <= 0) {
        from.release(b);
        if (n < 0) {
          eof = true;
          finishIfDrained();
        }
        return total > 0 ? total : n;
      }
      total += n;
      boolean full = !b.hasRemaining();
      b.flip();
      held = b;
      heldFrom = from;
      heldPooled = true;
      flush();
      if (!full) {
        break; // the socket had no more: do not pay for a read that finds nothing
      }
    }
    return total;
  }

  /**
   * Writes held bytes to {@code dst}; passes EOF on once they are all written.
   *
   * @return the bytes written
   */
  int flush() throws IOException {
    if (!held.hasRemaining()) {
      return 0;
    }
    int n = dst.write(held);
    if (!held.hasRemaining()) {
      release();
      finishIfDrained();
    }
    return n;
  }

  /** Gives the held buffer back to the pool, if any; the relay calls it when it closes. */
  void release() {
    if (heldPooled) {
      heldFrom.release(held);
    }
    held = EMPTY;
    heldPooled = false;
  }

  private void finishIfDrained() throws IOException {
    if (eof && !held.hasRemaining() && !done) {
      done = true;
      if (reverse == null || !reverse.isDone()) {
        dst.shutdownOutput();
      } // else both directions are done and the relay closes both channels now: closing a
      // channel sends the FIN, so a shutdown first would be one more system call for nothing
    }
  }
}
