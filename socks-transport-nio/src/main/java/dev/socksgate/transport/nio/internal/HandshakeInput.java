package dev.socksgate.transport.nio.internal;

import dev.socksgate.codec.http.HttpLimits;
import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.handshake.HandshakeStep;
import dev.socksgate.core.handshake.ServerHandshake;
import dev.socksgate.core.model.ClientInfo;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A client's handshake input: the bytes read so far and the core's engine that consumes them.
 *
 * <p>Bytes are read into a buffer borrowed from the loop's pool for the duration of one event (at
 * most {@link #CAPACITY} bytes of it are used, {@link #HTTP_CAPACITY} on a listener that serves
 * HTTP CONNECT) and the buffer is given back when the connection returns to the loop ({@link
 * #park()}). Only the bytes of a message split across reads are kept in between, in a buffer of
 * exactly their size: a connection waiting for its client, its authenticator or its exit pins no
 * read buffer, and a connection whose client sends whole messages allocates none. What the engine
 * left after the request becomes the request's early data.
 *
 * <p>Confined to the connection's loop thread.
 */
final class HandshakeInput {

  // Larger than any single handshake message (an RFC 1929 request is at most 513 bytes, a SOCKS4
  // request at most 512), so "need more" with a full buffer cannot happen with a correct engine.
  static final int CAPACITY = 1024;
  // An HTTP CONNECT head may take C Tor's 8 KiB (the codec refuses a longer one before the buffer
  // is full), so a listener that serves HTTP reads up to that; a pool of smaller relay buffers
  // lends none, and a heap buffer serves the event instead.
  static final int HTTP_CAPACITY = HttpLimits.MAX_HEAD;
  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final ServerHandshake engine;
  private final BufferPool pool;
  private final int capacity;
  private ByteBuffer in = NOTHING; // the pool's buffer during an event (write mode), if borrowed
  private boolean borrowed; // in is the pool's: from the first read of an event until parked
  private ByteBuffer carry = NOTHING; // parked bytes of an incomplete message (read mode), if any

  HandshakeInput(ClientInfo client, HandshakeOptions options, BufferPool pool) {
    this(client, options, pool, NOTHING);
  }

  /**
   * Starts with {@code readAhead} buffered: bytes of the handshake already read by an earlier stage
   * (those after a PROXY header), at most the input's capacity.
   */
  HandshakeInput(
      ClientInfo client, HandshakeOptions options, BufferPool pool, ByteBuffer readAhead) {
    this.engine = new ServerHandshake(client, options);
    this.pool = pool;
    this.capacity = client.listener().protocols().http() ? HTTP_CAPACITY : CAPACITY;
    if (readAhead.remaining() > capacity) {
      throw new IllegalArgumentException("read-ahead over " + capacity + " bytes");
    }
    this.carry = readAhead.hasRemaining() ? readAhead : NOTHING;
  }

  /** Reads what the client sent; returns the count, or -1 at EOF. */
  int readFrom(Endpoint client) throws IOException {
    return client.read(borrow());
  }

  /** Returns the engine's next instruction for the bytes buffered now. */
  HandshakeStep step() {
    ByteBuffer b = borrow();
    b.flip();
    try {
      return engine.step(b);
    } finally {
      b.compact();
    }
  }

  /** Returns the SOCKS version the engine recognised so far: 0 (none yet), 4 or 5. */
  int version() {
    return engine.version();
  }

  /** Passes the authenticator's verdict to the engine. */
  HandshakeStep verdict(boolean accepted) {
    return engine.verdict(accepted);
  }

  /** Returns true when the buffer has no room left. */
  boolean isFull() {
    return !borrow().hasRemaining();
  }

  /**
   * Returns the bytes that followed the request, as a buffer of their own: the exit connector takes
   * ownership and may hold it longer than this connection lives (a SocksTimeout can end the
   * connection while a connect is pending). Gives the read buffer back.
   */
  ByteBuffer earlyData() {
    ByteBuffer b = borrow().flip();
    ByteBuffer earlyData =
        b.hasRemaining() ? ByteBuffer.allocate(b.remaining()).put(b).flip() : NOTHING;
    release();
    return earlyData;
  }

  /** The connection goes back to the loop: keeps unconsumed bytes, returns the read buffer. */
  void park() {
    if (!borrowed) {
      return;
    }
    in.flip();
    carry = in.hasRemaining() ? ByteBuffer.allocate(in.remaining()).put(in).flip() : NOTHING;
    giveBack();
  }

  /** Gives the read buffer back and drops any buffered bytes (the handshake is over). */
  void release() {
    if (borrowed) {
      giveBack();
    }
    carry = NOTHING;
  }

  private ByteBuffer borrow() {
    if (!borrowed) {
      ByteBuffer b = fromPool() ? pool.acquire() : ByteBuffer.allocate(capacity);
      b.limit(capacity);
      if (carry.hasRemaining()) {
        b.put(carry);
        carry = NOTHING;
      }
      in = b;
      borrowed = true;
    }
    return in;
  }

  private boolean fromPool() {
    return pool.bufferSize() >= capacity;
  }

  private void giveBack() {
    if (fromPool()) {
      pool.release(in);
    }
    in = NOTHING;
    borrowed = false;
  }
}
