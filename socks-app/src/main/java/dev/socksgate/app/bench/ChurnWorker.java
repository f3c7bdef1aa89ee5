package dev.socksgate.app.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One churn worker: connect, greeting, CONNECT, a 64-byte echo, close; again and again, taking its
 * routes in turn (by address, by name). The latency of one connection runs from the connect call to
 * the last echoed byte.
 *
 * <p>Confined to its shard's reactor thread.
 */
final class ChurnWorker implements SocksDialer.Callback, Reactor.Handler {

  static final int ECHO_BYTES = 64;

  private final Reactor reactor;
  private final ChurnShard shard;
  private final Route[] routes;
  private final ByteBuffer sent = ByteBuffer.allocate(ECHO_BYTES);
  private final ByteBuffer echo = ByteBuffer.allocate(ECHO_BYTES);
  private long turn;
  private @Nullable Route route; // set by every next(), the first before any callback
  private @Nullable SocketChannel channel; // the current connection's, once its tunnel is open
  private long started;
  private boolean done;

  ChurnWorker(Reactor reactor, ChurnShard shard, Route[] routes, int id) {
    this.reactor = reactor;
    this.shard = shard;
    this.routes = routes.clone();
    this.turn = id;
    for (int i = 0; i < ECHO_BYTES; i++) {
      sent.put(i, (byte) (id * 31 + i));
    }
  }

  /** Starts the next connection, unless the shard is stopping. */
  void next() {
    if (shard.stopping()) {
      done = true;
      return;
    }
    route = routes[(int) (turn++ % routes.length)];
    channel = null;
    started = System.nanoTime();
    SocksDialer.dial(reactor, route, this);
  }

  boolean done() {
    return done;
  }

  @Override
  public void opened(SocketChannel c, SelectionKey key) {
    channel = c;
    key.attach(this);
    sent.putLong(0, turn).clear();
    echo.clear();
    key.interestOps(SelectionKey.OP_WRITE | SelectionKey.OP_READ);
  }

  @Override
  public void onReady(SelectionKey key) throws IOException {
    SocketChannel c = Objects.requireNonNull(channel, "channel: the tunnel is not open");
    if (sent.hasRemaining()) {
      c.write(sent);
      if (!sent.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ);
      }
    }
    if (!key.isReadable()) {
      return;
    }
    if (c.read(echo) < 0) {
      failed("EOF before the echo");
      return;
    }
    if (echo.hasRemaining()) {
      return;
    }
    c.close();
    if (!echo.flip().equals(sent.flip())) {
      failed("the echo differs from what was sent");
      return;
    }
    shard.completed(route().label(), System.nanoTime() - started);
    next();
  }

  @Override
  public void failed(String reason) {
    if (channel != null) {
      Reactor.closeQuietly(channel);
    }
    shard.failed(route().label() + ": " + reason);
    next();
  }

  @Override
  public void onError(IOException e) {
    failed(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private Route route() {
    return Objects.requireNonNull(route, "route: next() has not run");
  }
}
