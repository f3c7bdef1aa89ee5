package dev.socksgate.app.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.function.BooleanSupplier;

/**
 * The load generator's selector loop. Unlike the server's event loop it has no thread of its own: a
 * phase of a scenario runs it on the calling thread until a condition holds or a deadline passes,
 * and the next phase may run it on another thread (phases never overlap).
 *
 * <p>The select timeout is capped at a short tick so that phase conditions based on the clock (end
 * of a warm-up or of a measurement window) are seen on time even when no socket is ready; this is a
 * load generator, not the server, and a tick costs nothing next to its traffic.
 *
 * <p>Confined to the thread running the current phase.
 */
final class Reactor implements AutoCloseable {

  /** Reacts to a ready key; the attachment of every key registered here. */
  interface Handler {
    /** The key is ready; I/O errors go to {@link #onError}. */
    void onReady(SelectionKey key) throws IOException;

    /** An I/O error from {@link #onReady}: the handler closes what it holds. */
    void onError(IOException e);
  }

  private static final long TICK_MILLIS = 20;

  private final Selector selector;

  /** One scratch buffer per reactor for reads whose bytes are consumed at once (direct). */
  private final ByteBuffer scratch;

  Reactor(int scratchSize) throws IOException {
    this.selector = Selector.open();
    this.scratch = ByteBuffer.allocateDirect(scratchSize);
  }

  /** Registers {@code channel} with {@code ops}, attaching {@code handler}. */
  SelectionKey register(SelectableChannel channel, int ops, Handler handler)
      throws ClosedChannelException {
    return channel.register(selector, ops, handler);
  }

  /** Returns the shared scratch buffer, cleared; valid until the handler returns. */
  ByteBuffer scratch() {
    return scratch.clear();
  }

  /**
   * Dispatches ready keys until {@code done} holds or {@code deadlineNanos} (System.nanoTime)
   * passes.
   *
   * @return true if {@code done} held, false at the deadline
   */
  boolean runUntil(BooleanSupplier done, long deadlineNanos) throws IOException {
    while (!done.getAsBoolean()) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      selector.select(this::dispatch, Math.max(1, Math.min(TICK_MILLIS, left / 1_000_000)));
    }
    return true;
  }

  private void dispatch(SelectionKey key) {
    if (!key.isValid()) {
      return;
    }
    Handler h = (Handler) key.attachment();
    try {
      h.onReady(key);
    } catch (IOException e) {
      h.onError(e);
    }
  }

  /** Closes every channel still registered, then the selector. */
  @Override
  public void close() {
    for (SelectionKey key : selector.keys()) {
      closeQuietly(key.channel());
    }
    closeQuietly(selector);
  }

  static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // closing: nothing left to do with it
    }
  }
}
