package dev.socksgate.app.bench;

import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * Opens one tunnel, non-blocking: TCP connect, then (through a proxy) the greeting, the method
 * selection, the CONNECT request and its reply, in lockstep as ordinary clients do. The replies are
 * decoded by the codec's client direction; anything but "no authentication" and "succeeded" is a
 * failure. When the tunnel is open the key is handed to the callback with no interest set, and
 * the callback attaches its own handler.
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

  private enum Step { CONNECTING, METHOD, REPLY }

  // A reply with a domain BND.ADDR is at most 262 bytes.
  private static final int REPLY_CAPACITY = 300;

  private final Route route;
  private final Callback callback;
  private final SocketChannel channel;
  private final ByteBuffer in = ByteBuffer.allocate(REPLY_CAPACITY); // write mode between reads
  private SelectionKey key;
  private ByteBuffer out;
  private Step step = Step.CONNECTING;

  private SocksDialer(Route route, Callback callback, SocketChannel channel) {
    this.route = route;
    this.callback = callback;
    this.channel = channel;
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
      d.key = reactor.register(channel, now ? 0 : SelectionKey.OP_CONNECT, d);
      if (now) {
        d.connected();
      }
    } catch (IOException e) {
      d.onError(e);
    }
  }

  @Override
  public void onReady(SelectionKey k) throws IOException {
    if (step == Step.CONNECTING) {
      if (channel.finishConnect()) {
        connected();
      }
      return;
    }
    if (out != null) {
      flush();
      return;
    }
    int n = channel.read(in);
    if (n < 0) {
      fail("the proxy closed the connection during the handshake");
      return;
    }
    in.flip();
    try {
      if (step == Step.METHOD) {
        onMethod(Socks5MethodSelection.decode(in));
      } else {
        onReply(Socks5Reply.decode(in));
      }
    } finally {
      if (key.isValid() && step != null) {
        in.compact();
      }
    }
  }

  private void connected() throws IOException {
    if (route.isDirect()) {
      open();
      return;
    }
    step = Step.METHOD;
    send(route.greeting());
  }

  private void onMethod(Decoded<Socks5MethodSelection> d) throws IOException {
    if (d instanceof Decoded.Message<Socks5MethodSelection> m) {
      if (!m.value().method().equals(Socks5AuthMethod.NO_AUTH)) {
        fail("the proxy selected method " + m.value().method() + ", not 'no authentication'");
        return;
      }
      step = Step.REPLY;
      send(route.request());
    } else if (d instanceof Decoded.Malformed<Socks5MethodSelection> bad) {
      fail("malformed method selection: " + bad.error());
    }
  }

  private void onReply(Decoded<Socks5Reply> d) {
    if (d instanceof Decoded.Message<Socks5Reply> m) {
      if (!m.value().rep().equals(Socks5ReplyCode.SUCCEEDED)) {
        fail("the proxy refused CONNECT (" + route.label() + "): REP " + m.value().rep());
      } else if (in.hasRemaining()) {
        fail("the proxy sent bytes after its reply before any data");
      } else {
        open();
      }
    } else if (d instanceof Decoded.Malformed<Socks5Reply> bad) {
      fail("malformed reply: " + bad.error());
    }
  }

  private void send(byte[] bytes) throws IOException {
    out = ByteBuffer.wrap(bytes);
    flush();
  }

  private void flush() throws IOException {
    channel.write(out);
    if (out.hasRemaining()) {
      key.interestOps(SelectionKey.OP_WRITE);
    } else {
      out = null;
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  private void open() {
    step = null;
    key.interestOps(0);
    callback.opened(channel, key);
  }

  private void fail(String reason) {
    step = null;
    Reactor.closeQuietly(channel);
    callback.failed(reason);
  }

  @Override
  public void onError(IOException e) {
    fail(e.getClass().getSimpleName() + ": " + e.getMessage());
  }
}
