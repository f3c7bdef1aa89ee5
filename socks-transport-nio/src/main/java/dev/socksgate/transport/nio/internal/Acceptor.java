package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.transport.nio.ListenerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listening socket on one event loop. It accepts a bounded batch per readiness event and hands
 * each client to the server context (cap, then a loop by round robin). When {@code accept} fails
 * (EMFILE: out of file descriptors, ENFILE, ENOBUFS) the pending connection stays in the backlog,
 * so retrying at once would spin: the acceptor turns {@code OP_ACCEPT} off and a short back-off
 * deadline turns it back on.
 *
 * <p>Confined to its loop thread.
 */
public final class Acceptor implements Selectable {

  private static final Logger LOG = LoggerFactory.getLogger(Acceptor.class);
  private static final int MAX_ACCEPTS_PER_EVENT = 64;
  static final long BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final EventLoop loop;
  private final ServerSocketChannel channel;
  private final ListenerSettings settings;
  private final boolean proxyProtocol;
  private final InetSocketAddress local;
  private final ServerContext ctx;
  private final int index; // the listener's place in the statistics
  private final Deadline resume = new Deadline(this::resume);
  private final AcceptCall acceptCall;
  private final SelectionKey key;
  private boolean failing;

  /** The accept call; tests replace it to simulate EMFILE. */
  @FunctionalInterface
  interface AcceptCall {
    SocketChannel accept(ServerSocketChannel channel) throws IOException;
  }

  private Acceptor(
      EventLoop loop,
      ServerSocketChannel channel,
      ListenerSettings settings,
      boolean proxyProtocol,
      InetSocketAddress local,
      ServerContext ctx,
      AcceptCall acceptCall,
      SelectionKey key) {
    this.proxyProtocol = proxyProtocol;
    this.acceptCall = acceptCall;
    this.key = key;
    this.loop = loop;
    this.channel = channel;
    this.settings = settings;
    this.local = local;
    this.ctx = ctx;
    this.index = ctx.registerListener(local);
  }

  /** Registers a bound, non-blocking listening channel with {@code loop}. Loop thread only. */
  public static Acceptor register(
      EventLoop loop, ServerSocketChannel channel, ListenerSettings settings, ServerContext ctx)
      throws IOException {
    return register(loop, channel, settings, false, ctx, ServerSocketChannel::accept);
  }

  /** Registers a listener of {@code config}: see {@link ListenerConfig#proxyProtocol()}. */
  public static Acceptor register(
      EventLoop loop, ServerSocketChannel channel, ListenerConfig config, ServerContext ctx)
      throws IOException {
    return register(
        loop, channel, config.settings(), config.proxyProtocol(), ctx, ServerSocketChannel::accept);
  }

  static Acceptor register(
      EventLoop loop,
      ServerSocketChannel channel,
      ListenerSettings settings,
      ServerContext ctx,
      AcceptCall acceptCall)
      throws IOException {
    return register(loop, channel, settings, false, ctx, acceptCall);
  }

  private static Acceptor register(
      EventLoop loop,
      ServerSocketChannel channel,
      ListenerSettings settings,
      boolean proxyProtocol,
      ServerContext ctx,
      AcceptCall acceptCall)
      throws IOException {
    assert loop.inEventLoop();
    InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
    // The key first, the attachment right after: the key is final, and nothing selects between.
    SelectionKey key = channel.register(loop.selector(), SelectionKey.OP_ACCEPT);
    Acceptor a = new Acceptor(loop, channel, settings, proxyProtocol, local, ctx, acceptCall, key);
    key.attach(a);
    return a;
  }

  /** Returns the loop this acceptor runs on. */
  public EventLoop loop() {
    return loop;
  }

  @Override
  public void onReady(int readyOps) {
    assert loop.inEventLoop();
    for (int i = 0; i < MAX_ACCEPTS_PER_EVENT && key.isValid(); i++) {
      SocketChannel c;
      try {
        c = acceptCall.accept(channel);
      } catch (IOException e) {
        pause(e);
        return;
      }
      if (c == null) {
        return;
      }
      failing = false;
      if (proxyProtocol) {
        ctx.gate().admitProxied(c, settings, local, loop, index);
      } else {
        ctx.gate().admit(c, settings, local, loop, index);
      }
    }
  }

  private void pause(IOException e) {
    LOG.debug(
        "accept on {} failed; pausing {} ms",
        local,
        TimeUnit.NANOSECONDS.toMillis(BACKOFF_NANOS),
        e);
    if (!failing) {
      ctx.notify(ev -> ev.acceptFailed(local, e)); // once per streak: the app decides the level
    }
    failing = true;
    key.interestOps(0);
    loop.schedule(resume, BACKOFF_NANOS);
  }

  private void resume() {
    if (key.isValid()) {
      key.interestOps(SelectionKey.OP_ACCEPT);
    }
  }

  /**
   * Stops listening: closes the channel, and has the selector deregister it at once so that the
   * socket is closed on return and new connections are refused (a registered channel's socket
   * otherwise stays open, filling its backlog, until the loop's next select). Idempotent. Loop
   * thread only.
   */
  public void close() {
    assert loop.inEventLoop();
    loop.cancel(resume);
    if (channel.isOpen()) {
      Closing.quietly(channel);
      loop.deregisterCancelled();
    }
  }

  @Override
  public void onStop(boolean graceful) {
    close();
  }
}
