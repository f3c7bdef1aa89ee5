package dev.socksgate.transport.nio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.Predicate;

/**
 * A socket channel registered with one event loop, with its interest ops kept as desired state
 * (Jetty {@code SelectableChannelEndPoint}): owners say what they want with {@link #interest(int)}
 * as often as they like, and the loop applies the change once, at the end of the iteration.
 *
 * <p>An optional I/O limit caps the bytes moved by one read or write call. Production uses none;
 * tests set one to force partial reads and partial writes everywhere (a chunking channel, as in
 * tls-channel's {@code ChunkingByteChannel}).
 *
 * <p>Confined to its loop thread.
 */
final class Endpoint implements Selectable {

  /** Reacts to an endpoint's readiness. Called on the loop thread. */
  public interface Handler {
    /** The endpoint's channel has bytes (or EOF) to read. */
    void onReadable(Endpoint endpoint);

    /** The endpoint's channel can take more bytes. */
    void onWritable(Endpoint endpoint);

    /** See {@link Selectable#onStop(boolean)}. */
    void onStop(boolean graceful);

    /**
     * Closes the connection now if it is authenticated as a user {@code revoked} accepts; returns
     * true if this call closed it. Idempotent: a connection is counted once.
     */
    boolean closeIfRevoked(Predicate<String> revoked);
  }

  private final EventLoop loop;
  private final SocketChannel channel;
  private final ChannelIo io;
  private Handler handler;
  private final SelectionKey key;
  private int desired;
  private int applied;
  private boolean queued;
  private boolean outputShut;

  /** Asks the endpoint's owner to close if its user is revoked; see {@link Handler}. */
  boolean closeIfRevoked(Predicate<String> revoked) {
    return handler.closeIfRevoked(revoked);
  }

  private Endpoint(
      EventLoop loop, SocketChannel channel, Handler handler, ChannelIo io, SelectionKey key) {
    this.loop = loop;
    this.key = key;
    this.channel = channel;
    this.handler = handler;
    this.io = io;
  }

  /**
   * Registers {@code channel} with {@code loop} (reusing its key if the channel is registered there
   * already, as an exit opened on this loop is), with no interest yet.
   *
   * @param io how reads and writes reach the channel ({@link ChannelIo#DIRECT} in the server)
   */
  public static Endpoint register(
      EventLoop loop, SocketChannel channel, Handler handler, ChannelIo io) throws IOException {
    assert loop.inEventLoop();
    channel.configureBlocking(false);
    SelectionKey existing = channel.keyFor(loop.selector());
    boolean reuse = existing != null && existing.isValid();
    SelectionKey key = reuse ? existing : channel.register(loop.selector(), 0);
    Endpoint e = new Endpoint(loop, channel, handler, io, key);
    key.attach(e);
    if (reuse) {
      e.applied = key.interestOps();
      e.interest(0);
    }
    return e;
  }

  /** Gives the endpoint's events to a new owner (the relay, when a connection starts relaying). */
  public void handOver(Handler newOwner) {
    assert loop.inEventLoop();
    this.handler = newOwner;
  }

  /** Returns the channel. */
  public SocketChannel channel() {
    return channel;
  }

  /** Sets the desired interest ops; the loop applies them at the end of its iteration. */
  public void interest(int ops) {
    assert loop.inEventLoop();
    desired = ops;
    if (desired != applied && !queued) {
      queued = true;
      loop.markDirty(this);
    }
  }

  void applyInterest() {
    queued = false;
    if (key.isValid() && desired != applied) {
      key.interestOps(desired);
      applied = desired;
    }
  }

  /** Reads into {@code dst}; returns the count or -1 at EOF. */
  public int read(ByteBuffer dst) throws IOException {
    assert loop.inEventLoop();
    return io.read(channel, dst);
  }

  /** Writes from {@code src}; returns the count, possibly 0. */
  public int write(ByteBuffer src) throws IOException {
    assert loop.inEventLoop();
    return io.write(channel, src);
  }

  /** Sends FIN once (half-close): the peer reads EOF, we can still read. */
  public void shutdownOutput() throws IOException {
    assert loop.inEventLoop();
    if (!outputShut) {
      outputShut = true;
      channel.shutdownOutput();
    }
  }

  /** Closes the channel, which cancels its key. Idempotent. */
  public void close() {
    assert loop.inEventLoop();
    Closing.quietly(channel);
  }

  @Override
  public void onReady(int readyOps) {
    // Writes first: draining a pending buffer is what lets the other side read again.
    if ((readyOps & SelectionKey.OP_WRITE) != 0) {
      handler.onWritable(this);
    }
    if ((readyOps & SelectionKey.OP_READ) != 0 && channel.isOpen()) {
      handler.onReadable(this);
    }
  }

  @Override
  public void onStop(boolean graceful) {
    handler.onStop(graceful);
  }
}
