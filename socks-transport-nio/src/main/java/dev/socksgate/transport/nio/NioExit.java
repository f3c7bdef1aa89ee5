package dev.socksgate.transport.nio;

import dev.socksgate.transport.nio.internal.Closing;
import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * An open outbound stream, as an {@code ExitConnector<NioExit>} hands it to the server: a connected
 * {@link SocketChannel} plus the bytes that must reach it before anything the client sends next.
 *
 * <p>Writing your own exit connector: complete its stage with {@code
 * ExitResult.Connected(NioExit.of(channel, earlyData))} once {@code channel} is connected (and any
 * protocol of your own on it is done). The server then owns both: it writes {@code earlyData}
 * first, then relays, and closes the channel at the end. The channel may be blocking or not and
 * registered with no selector, or with the selector of the client's event loop (as {@link
 * NioExitConnector} does); registrations with other selectors must be cancelled by the connector.
 *
 * <p>Ownership: from {@code of} on, neither the channel nor the buffer may be used by the caller.
 * Safe to pass between threads through the completion of a stage; not otherwise thread-safe.
 */
public final class NioExit implements Closeable {

  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final SocketChannel channel;
  private final ByteBuffer earlyData;
  private final ByteBuffer receivedData;

  private NioExit(SocketChannel channel, ByteBuffer earlyData, ByteBuffer receivedData) {
    this.channel = channel;
    this.earlyData = earlyData;
    this.receivedData = receivedData;
  }

  /**
   * Wraps a connected channel and the bytes still to send on it before the relay starts.
   *
   * @param connected a connected socket channel, owned by the exit from now on
   * @param earlyData bytes from its position to its limit (typically the request's early data not
   *     yet written); owned by the exit from now on
   * @throws IllegalArgumentException if the channel is not connected
   */
  public static NioExit of(SocketChannel connected, ByteBuffer earlyData) {
    Objects.requireNonNull(connected, "connected");
    Objects.requireNonNull(earlyData, "earlyData");
    if (!connected.isConnected()) {
      throw new IllegalArgumentException("the channel must be connected");
    }
    return new NioExit(connected, earlyData, NOTHING);
  }

  /**
   * Wraps a connected channel, the bytes still to send on it, and bytes already read from it that
   * belong to the client (an exit that spoke a protocol of its own on the channel, such as an
   * upstream SOCKS handshake, may have read past its end). The server delivers {@code receivedData}
   * to the client right after the success reply.
   */
  public static NioExit of(SocketChannel connected, ByteBuffer earlyData, ByteBuffer receivedData) {
    Objects.requireNonNull(receivedData, "receivedData");
    NioExit exit = of(connected, earlyData);
    return new NioExit(exit.channel, exit.earlyData, receivedData);
  }

  /** Wraps a connected channel with nothing pending. */
  public static NioExit of(SocketChannel connected) {
    return of(connected, NOTHING);
  }

  /** Returns the channel, for the server and for tests; callers must not read or write it. */
  public SocketChannel channel() {
    return channel;
  }

  /**
   * Returns the bytes to write before relaying (the buffer itself: the server consumes it, once).
   */
  public ByteBuffer earlyData() {
    return earlyData;
  }

  /** Returns the bytes read from the exit that go to the client first (consumed once). */
  public ByteBuffer receivedData() {
    return receivedData;
  }

  /** Closes the channel; callable from any thread. */
  @Override
  public void close() {
    Closing.quietly(channel);
  }

  /** Shows no address: destinations are private. */
  @Override
  public String toString() {
    return "NioExit["
        + (channel.isOpen() ? "open" : "closed")
        + ", pending="
        + earlyData.remaining()
        + "]";
  }
}
