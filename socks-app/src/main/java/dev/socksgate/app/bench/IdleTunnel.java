package dev.socksgate.app.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
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
  private @Nullable SocketChannel channel;
  private @Nullable SelectionKey key;
  private @Nullable ByteBuffer sent;
  private @Nullable ByteBuffer echo;

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
    sent = ByteBuffer.wrap(String.format("idle %10d\n", id).getBytes(StandardCharsets.US_ASCII));
    echo = ByteBuffer.allocate(CHECK);
    try {
      channel.write(sent);
      key.interestOps(SelectionKey.OP_READ | (sent.hasRemaining() ? SelectionKey.OP_WRITE : 0));
    } catch (IOException e) {
      onError(e);
    }
  }

  @Override
  public void onReady(SelectionKey k) throws IOException {
    if (sent.hasRemaining()) {
      channel.write(sent);
      k.interestOps(SelectionKey.OP_READ | (sent.hasRemaining() ? SelectionKey.OP_WRITE : 0));
    }
    if (!k.isReadable()) {
      return;
    }
    if (channel.read(echo) < 0) {
      checked("EOF: the tunnel was closed while idle");
      return;
    }
    if (!echo.hasRemaining()) {
      checked(echo.flip().equals(sent.flip()) ? null : "the echo differs");
    }
  }

  private void checked(String problem) {
    Reactor.closeQuietly(channel);
    shard.checked(problem);
  }

  @Override
  public void onError(IOException e) {
    checked(e.getClass().getSimpleName() + ": " + e.getMessage());
  }
}
