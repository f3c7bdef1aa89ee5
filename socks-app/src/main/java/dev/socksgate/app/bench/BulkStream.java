package dev.socksgate.app.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The client side of one bulk stream: once told to go it sends a 16-byte header (magic, stream id,
 * length) and then {@code length} payload bytes, while reading and checksumming the {@code length}
 * bytes the origin sends back at the same time. The origin reports through {@link #uploadChecked}
 * whether the upload arrived intact; the stream closes when both directions are complete. Nothing
 * relies on half-close, which not every proxy supports.
 *
 * <p>Confined to its shard's reactor thread.
 */
final class BulkStream implements Reactor.Handler, SocksDialer.Callback {

  static final int MAGIC = 0x53474231; // "SGB1"
  static final int HEADER = 16;

  private final Reactor reactor;
  private final BulkRun run;
  private final int id;
  private final StreamChecksum down = new StreamChecksum();
  private @Nullable SocketChannel channel; // set once, when the tunnel opens
  private @Nullable SelectionKey key; // set with channel
  private @Nullable ByteBuffer header; // set once, by go()
  private long upSent;
  private @Nullable Boolean upOk; // null until the origin has the whole upload
  private @Nullable Boolean downOk; // null until the whole download is here
  private @Nullable String error;
  private boolean closed;

  BulkStream(Reactor reactor, BulkRun run, int id) {
    this.reactor = reactor;
    this.run = run;
    this.id = id;
  }

  /** Opens the tunnel. */
  void dial(Route route) {
    SocksDialer.dial(reactor, route, this);
  }

  @Override
  public void opened(SocketChannel c, SelectionKey k) {
    channel = c;
    key = k;
    k.attach(this);
  }

  @Override
  public void failed(String reason) {
    fail(reason);
  }

  /** Returns true once the tunnel is open (or failed). */
  boolean dialed() {
    return channel != null || error != null;
  }

  /** Starts both directions. */
  void go() {
    if (error != null) {
      return;
    }
    header = ByteBuffer.allocate(HEADER).putInt(MAGIC).putInt(id).putLong(run.length()).flip();
    key().interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
  }

  @Override
  public void onReady(SelectionKey k) throws IOException {
    if (k.isWritable()) {
      upload();
    }
    if (!closed && k.isReadable()) {
      download();
    }
  }

  private void upload() throws IOException {
    SocketChannel c = channel();
    ByteBuffer h = Objects.requireNonNull(header, "header: go() has not run");
    if (h.hasRemaining() && (c.write(h) == 0 || h.hasRemaining())) {
      return;
    }
    long length = run.length();
    long seed = BulkRun.upSeed(id);
    while (upSent < length) {
      long n = run.payload().send(c, seed, upSent, length - upSent);
      if (n == 0) {
        return; // the socket is full: wait for OP_WRITE
      }
      upSent += n;
    }
    key().interestOps(SelectionKey.OP_READ);
    maybeFinish();
  }

  private void download() throws IOException {
    ByteBuffer b = reactor.scratch();
    int n = channel().read(b);
    if (n < 0) {
      fail("EOF after " + down.count() + " of " + run.length() + " download bytes");
      return;
    }
    if (down.count() + n > run.length()) {
      fail("more download bytes than were sent");
      return;
    }
    down.update(b.flip());
    if (down.count() == run.length()) {
      downOk = down.matches(run.expectedDown(id), run.length());
      maybeFinish();
    }
  }

  /** The origin's verdict on the upload. */
  void uploadChecked(boolean ok) {
    upOk = ok;
    maybeFinish();
  }

  private void maybeFinish() {
    if (upOk != null && downOk != null && upSent == run.length() && !closed) {
      closed = true;
      Reactor.closeQuietly(channel());
      if (!upOk || !downOk) {
        error =
            "checksum mismatch: upload "
                + (upOk ? "ok" : "CORRUPT")
                + ", download "
                + (downOk ? "ok" : "CORRUPT");
      }
    }
  }

  private void fail(String reason) {
    if (error == null) {
      error = "stream " + id + ": " + reason;
    }
    if (!closed) {
      closed = true;
      if (channel != null) {
        Reactor.closeQuietly(channel);
      }
    }
  }

  @Override
  public void onError(IOException e) {
    fail(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /** Returns true once the stream is closed: verified, corrupt or failed. */
  boolean isFinished() {
    return closed;
  }

  /** Returns why the stream failed, or empty if it did not. */
  Optional<String> error() {
    return Optional.ofNullable(error);
  }

  private SocketChannel channel() {
    return Objects.requireNonNull(channel, "channel: the tunnel is not open");
  }

  private SelectionKey key() {
    return Objects.requireNonNull(key, "key: the tunnel is not open");
  }
}
