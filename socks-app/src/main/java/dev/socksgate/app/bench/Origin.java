package dev.socksgate.app.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Function;

/**
 * The built-in origin: a listener on 127.0.0.1, port 0, on one reactor. Each accepted connection
 * gets a handler from the scenario's factory (an echo, or the bulk source and sink).
 *
 * <p>Confined to its reactor's thread.
 */
final class Origin implements Reactor.Handler {

  private static final int BACKLOG = 4096;
  private static final int ACCEPTS_PER_EVENT = 64;

  private final Reactor reactor;
  private final ServerSocketChannel listener;
  private final Function<SocketChannel, Reactor.Handler> peers;
  private long accepted;

  private Origin(
      Reactor reactor,
      ServerSocketChannel listener,
      Function<SocketChannel, Reactor.Handler> peers) {
    this.reactor = reactor;
    this.listener = listener;
    this.peers = peers;
  }

  /**
   * Binds an origin on 127.0.0.1 and registers it with {@code reactor}.
   *
   * @param peers makes the handler of an accepted connection; it registers nothing itself
   */
  static Origin start(Reactor reactor, Function<SocketChannel, Reactor.Handler> peers)
      throws IOException {
    ServerSocketChannel listener = ServerSocketChannel.open();
    try {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
      listener.configureBlocking(false);
      Origin o = new Origin(reactor, listener, peers);
      reactor.register(listener, SelectionKey.OP_ACCEPT, o);
      return o;
    } catch (IOException e) {
      Reactor.closeQuietly(listener);
      throw e;
    }
  }

  /** Returns the bound address (127.0.0.1 and the port the system chose). */
  InetSocketAddress address() throws IOException {
    return (InetSocketAddress) listener.getLocalAddress();
  }

  /** Returns how many connections were accepted so far. */
  long accepted() {
    return accepted;
  }

  @Override
  public void onReady(SelectionKey key) throws IOException {
    for (int i = 0; i < ACCEPTS_PER_EVENT; i++) {
      SocketChannel c = listener.accept();
      if (c == null) {
        return;
      }
      accepted++;
      try {
        c.configureBlocking(false);
        c.setOption(StandardSocketOptions.TCP_NODELAY, true);
        reactor.register(c, SelectionKey.OP_READ, peers.apply(c));
      } catch (IOException e) {
        Reactor.closeQuietly(c);
      }
    }
  }

  @Override
  public void onError(IOException e) {
    // accept failed (for instance out of file descriptors): the dialer sees the failure
  }
}
