package dev.socksgate.app.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One tunnel of {@code idle}: opened, then left alone (no interest: it costs the generator no
 * work), and at the end checked with a 16-byte echo.
 *
 * <p>Confined to its shard's reactor thread.
 */
final class IdleTunnel implements SocksDialer.Callback, Reactor.Handler {

  private static final int CHECK = 16;

  private final IdleShard shard;
  private final int id;
  private @Nullable SocketChannel channel; // set once, when the tunnel opens
  private @Nullable SelectionKey key; // set with channel
  private @Nullable ByteBuffer sent; // set once, by check()
  private @Nullable ByteBuffer echo; // set with sent

  IdleTunnel(IdleShard shard, int id) {
    this.shard = shard;
    this.id = id;
  }

  @Override
  public void opened(SocketChannel c, SelectionKey k) {
    channel = c;
    key = k;
    k.attach(this);
    shard.opened(this);
  }

  @Override
  public void failed(String reason) {
    shard.failedToOpen(reason);
  }

  /** Sends the check message; the shard learns the verdict. */
  void check() {
    ByteBuffer out =
        ByteBuffer.wrap(String.format("idle %10d\n", id).getBytes(StandardCharsets.US_ASCII));
    sent = out;
    echo = ByteBuffer.allocate(CHECK);
    try {
      channel().write(out);
      key().interestOps(SelectionKey.OP_READ | (out.hasRemaining() ? SelectionKey.OP_WRITE : 0));
    } catch (IOException e) {
      onError(e);
    }
  }

  @Override
  public void onReady(SelectionKey k) throws IOException {
    SocketChannel c = channel();
    ByteBuffer out = Objects.requireNonNull(sent, "sent: check() has not run");
    ByteBuffer in = Objects.requireNonNull(echo, "echo: check() has not run");
    if (out.hasRemaining()) {
      c.write(out);
      k.interestOps(SelectionKey.OP_READ | (out.hasRemaining() ? SelectionKey.OP_WRITE : 0));
    }
    if (!k.isReadable()) {
      return;
    }
    if (c.read(in) < 0) {
      checkFailed("EOF: the tunnel was closed while idle");
      return;
    }
    if (!in.hasRemaining()) {
      if (in.flip().equals(out.flip())) {
        Reactor.closeQuietly(c);
        shard.checked();
      } else {
        checkFailed("the echo differs");
      }
    }
  }

  /** The check failed: closes the tunnel and tells the shard why. */
  private void checkFailed(String problem) {
    Reactor.closeQuietly(channel());
    shard.checkFailed(problem);
  }

  @Override
  public void onError(IOException e) {
    checkFailed(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private SocketChannel channel() {
    return Objects.requireNonNull(channel, "channel: the tunnel is not open");
  }

  private SelectionKey key() {
    return Objects.requireNonNull(key, "key: the tunnel is not open");
  }
}
