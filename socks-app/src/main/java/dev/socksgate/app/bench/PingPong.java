package dev.socksgate.app.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code pingpong}'s one tunnel: send a message, wait for all of its echo, check it, again. The
 * first rounds warm up and are not recorded.
 *
 * <p>Confined to its reactor's thread.
 */
final class PingPong implements SocksDialer.Callback, Reactor.Handler {

  final Histogram rtt = new Histogram();
  private final ByteBuffer out;
  private final ByteBuffer in;
  private final int warmup;
  private final int total;
  private @Nullable SocketChannel channel; // set once, when the tunnel opens
  private int round;
  private long sentAt;
  private @Nullable String error; // set if it failed
  private boolean done;

  PingPong(int size, int warmup, int measured) {
    this.out = ByteBuffer.allocateDirect(size);
    this.in = ByteBuffer.allocateDirect(size);
    for (int i = 0; i < size; i++) {
      out.put(i, (byte) (i * 7 + 1));
    }
    this.warmup = warmup;
    this.total = warmup + measured;
  }

  boolean done() {
    return done;
  }

  /** Returns why the tunnel failed, or empty if it did not. */
  Optional<String> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public void opened(SocketChannel c, SelectionKey key) {
    channel = c;
    key.attach(this);
    try {
      send(key);
    } catch (IOException e) {
      onError(e);
    }
  }

  private void send(SelectionKey key) throws IOException {
    out.clear();
    if (out.capacity() >= 4) {
      out.putInt(0, round);
    }
    in.clear();
    sentAt = System.nanoTime();
    channel().write(out);
    key.interestOps(
        out.hasRemaining() ? SelectionKey.OP_WRITE | SelectionKey.OP_READ : SelectionKey.OP_READ);
  }

  @Override
  public void onReady(SelectionKey key) throws IOException {
    SocketChannel c = channel();
    if (out.hasRemaining()) {
      c.write(out);
      if (!out.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ);
      }
    }
    if (!key.isReadable()) {
      return;
    }
    if (c.read(in) < 0) {
      failed("EOF in round " + round);
      return;
    }
    if (in.hasRemaining()) {
      return;
    }
    long now = System.nanoTime();
    if (!in.flip().equals(out.flip())) {
      failed("the echo differs from what was sent in round " + round);
      return;
    }
    if (round >= warmup) {
      rtt.record(now - sentAt);
    }
    if (++round == total) {
      done = true;
      c.close();
      return;
    }
    send(key);
  }

  @Override
  public void failed(String reason) {
    error = reason;
    done = true;
    if (channel != null) {
      Reactor.closeQuietly(channel);
    }
  }

  @Override
  public void onError(IOException e) {
    failed(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private SocketChannel channel() {
    return Objects.requireNonNull(channel, "channel: the tunnel is not open");
  }
}
