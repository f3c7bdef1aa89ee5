package dev.socksgate.app.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/**
 * The origin's side of an echo connection: writes back every byte it reads, closes at EOF. It reads
 * into the reactor's scratch buffer and keeps a buffer of its own only while a write back is
 * incomplete (then it stops reading), so ten thousand idle echo connections hold no buffers.
 *
 * <p>Confined to its reactor's thread.
 */
final class EchoPeer implements Reactor.Handler {

  private final Reactor reactor;
  private final SocketChannel channel;
  private @Nullable ByteBuffer pending; // bytes read but not yet written back

  EchoPeer(Reactor reactor, SocketChannel channel) {
    this.reactor = reactor;
    this.channel = channel;
  }

  @Override
  public void onReady(SelectionKey key) throws IOException {
    if (pending != null) {
      channel.write(pending);
      if (pending.hasRemaining()) {
        return;
      }
      pending = null;
      key.interestOps(SelectionKey.OP_READ);
    }
    ByteBuffer b = reactor.scratch();
    int n = channel.read(b);
    if (n < 0) {
      channel.close();
      return;
    }
    b.flip();
    channel.write(b);
    if (b.hasRemaining()) {
      pending = ByteBuffer.allocate(b.remaining()).put(b).flip();
      key.interestOps(SelectionKey.OP_WRITE);
    }
  }

  @Override
  public void onError(IOException e) {
    Reactor.closeQuietly(channel);
  }
}
