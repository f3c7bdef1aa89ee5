package dev.socksgate.app.bench;

import dev.socksgate.core.handshake.ClientHandshake;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Opens one tunnel, non-blocking: TCP connect, then (through a proxy) the route's {@link
 * ClientHandshake}: greeting, method selection, CONNECT and its reply, in lockstep as ordinary
 * clients do. Anything but "no authentication" and "succeeded", or bytes after the reply before any
 * data was sent, is a failure. When the tunnel is open the key is handed to the callback with no
 * interest set, and the callback attaches its own handler.
 *
 * <p>Confined to its reactor's thread.
 */
final class SocksDialer implements Reactor.Handler {

  /** Learns how the dial ended. Exactly one method is called, once. */
  interface Callback {
    /** The tunnel is open: the key is the caller's now (attach a handler to it). */
    void opened(SocketChannel channel, SelectionKey key);

    /** The dial failed; the channel is closed already. */
    void failed(String reason);
  }

  private enum Phase {
    CONNECTING,
    HANDSHAKE,
    DONE
  }

  // A reply with a domain BND.ADDR is at most 262 bytes.
  private static final int REPLY_CAPACITY = 300;

  private final Route route;
  private final Callback callback;
  private final SocketChannel channel;
  private final ByteBuffer in = ByteBuffer.allocate(REPLY_CAPACITY); // write mode between reads
  private @Nullable ByteBuffer out; // bytes still to send, while a write waits for OP_WRITE
  private final Optional<ClientHandshake> handshake; // empty on a direct route
  private Phase phase = Phase.CONNECTING;

  private SocksDialer(Route route, Callback callback, SocketChannel channel) {
    this.route = route;
    this.callback = callback;
    this.channel = channel;
    this.handshake = route.isDirect() ? Optional.empty() : Optional.of(route.handshake());
  }

  /** Starts a dial on {@code reactor}; the callback runs later or, on immediate failure, now. */
  static void dial(Reactor reactor, Route route, Callback callback) {
    SocketChannel channel;
    try {
      channel = SocketChannel.open();
    } catch (IOException e) {
      callback.failed("socket: " + e.getMessage());
      return;
    }
    SocksDialer d = new SocksDialer(route, callback, channel);
    try {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      boolean now = channel.connect(route.connectTo());
      SelectionKey key = reactor.register(channel, now ? 0 : SelectionKey.OP_CONNECT, d);
      if (now) {
        d.connected(key);
      }
    } catch (IOException e) {
      d.onError(e);
    }
  }

  @Override
  public void onReady(SelectionKey k) throws IOException {
    if (phase == Phase.CONNECTING) {
      if (channel.finishConnect()) {
        connected(k);
      }
      return;
    }
    ByteBuffer pending = out;
    if (pending != null) {
      flush(k, pending);
      return;
    }
    int n = channel.read(in);
    if (n < 0) {
      fail("the proxy closed the connection during the handshake");
      return;
    }
    in.flip();
    ClientHandshake engine = handshake.orElseThrow();
    while (phase == Phase.HANDSHAKE) {
      ClientHandshake.Step step = engine.step(in);
      if (step instanceof ClientHandshake.Step.Send s) {
        send(k, s.bytes());
      } else if (step instanceof ClientHandshake.Step.Done) {
        if (in.hasRemaining()) {
          fail("the proxy sent bytes after its reply before any data");
        } else {
          open(k);
        }
      } else if (step instanceof ClientHandshake.Step.Failed f) {
        fail(route.describe(f.failure()));
      } else {
        in.compact();
        return;
      }
    }
  }

  private void connected(SelectionKey key) throws IOException {
    if (handshake.isEmpty()) {
      open(key);
      return;
    }
    phase = Phase.HANDSHAKE;
    send(key, handshake.get().start().bytes());
  }

  private void send(SelectionKey key, ByteBuffer bytes) throws IOException {
    out = bytes;
    flush(key, bytes);
  }

  private void flush(SelectionKey key, ByteBuffer bytes) throws IOException {
    channel.write(bytes);
    if (bytes.hasRemaining()) {
      key.interestOps(SelectionKey.OP_WRITE);
    } else {
      out = null;
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  private void open(SelectionKey key) {
    phase = Phase.DONE;
    key.interestOps(0);
    callback.opened(channel, key);
  }

  private void fail(String reason) {
    phase = Phase.DONE;
    Reactor.closeQuietly(channel);
    callback.failed(reason);
  }

  @Override
  public void onError(IOException e) {
    fail(e.getClass().getSimpleName() + ": " + e.getMessage());
  }
}
