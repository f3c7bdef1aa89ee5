package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.handshake.HandshakeStep;
import dev.socksgate.core.handshake.ServerHandshake;
import dev.socksgate.core.model.ClientInfo;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A client's handshake input: the bytes read so far and the core's engine that consumes them. The
 * buffer is small and per connection, and is dropped with this object once the request is
 * complete; what the engine left after the request becomes the request's early data.
 *
 * <p>Confined to the connection's loop thread.
 */
final class HandshakeInput {

  // Larger than any single handshake message (an RFC 1929 request is at most 513 bytes, a SOCKS4
  // request at most 512), so "need more" with a full buffer cannot happen with a correct engine.
  static final int CAPACITY = 1024;
  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final ServerHandshake engine;
  private final ByteBuffer in = ByteBuffer.allocate(CAPACITY); // write mode between calls

  HandshakeInput(ClientInfo client, HandshakeOptions options) {
    this.engine = new ServerHandshake(client, options);
  }

  /** Reads what the client sent; returns the count, or -1 at EOF. */
  int readFrom(Endpoint client) throws IOException {
    return client.read(in);
  }

  /** Returns the engine's next instruction for the bytes buffered now. */
  HandshakeStep step() {
    in.flip();
    try {
      return engine.step(in);
    } finally {
      in.compact();
    }
  }

  /** Passes the authenticator's verdict to the engine. */
  HandshakeStep verdict(boolean accepted) {
    return engine.verdict(accepted);
  }

  /** Returns true when the buffer has no room left. */
  boolean isFull() {
    return !in.hasRemaining();
  }

  /**
   * Returns the bytes that followed the request, as a buffer of their own: the exit connector
   * takes ownership and may hold it longer than this connection lives (a SocksTimeout can end
   * the connection while a connect is pending).
   */
  ByteBuffer earlyData() {
    in.flip();
    return in.hasRemaining() ? ByteBuffer.allocate(in.remaining()).put(in).flip() : NOTHING;
  }
}
