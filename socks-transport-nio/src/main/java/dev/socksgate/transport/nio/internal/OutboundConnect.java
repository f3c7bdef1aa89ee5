package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.port.ExitResult;
import dev.socksgate.transport.nio.NioExit;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One outbound connect on one event loop (Jetty {@code Connect}): a non-blocking connect with
 * {@code OP_CONNECT} to each candidate address in turn, one deadline for the whole attempt, and
 * once-only completion. Once connected it writes the early data (waiting for {@code OP_WRITE} if
 * the socket takes it in parts) and only then completes with an exit whose key stays registered,
 * with no interest, on this loop's selector, for the relay to take over.
 *
 * <p>Confined to its loop thread; the result is completed on it.
 */
public final class OutboundConnect implements Selectable {

  private final EventLoop loop;
  private final Iterator<InetSocketAddress> candidates;
  private final ByteBuffer earlyData;
  private final CompletableFuture<ExitResult<NioExit>> result;
  private final Function<InetSocketAddress, Optional<InetAddress>> source;
  private final Deadline deadline = new Deadline(this::onTimeout);
  // The attempt in progress: null before the first, between two, and once the channel is handed
  // on or closed; only the accessors below dereference them.
  private @Nullable SocketChannel channel;
  private @Nullable SelectionKey key;
  private StreamFailure lastFailure = StreamFailure.GENERAL;
  private boolean connected;
  private boolean finished;

  private OutboundConnect(
      EventLoop loop,
      List<InetSocketAddress> candidates,
      ByteBuffer earlyData,
      Function<InetSocketAddress, Optional<InetAddress>> source,
      CompletableFuture<ExitResult<NioExit>> result) {
    this.loop = loop;
    this.source = source;
    this.candidates = List.copyOf(candidates).iterator();
    this.earlyData = earlyData;
    this.result = result;
  }

  /**
   * Starts connecting; completes {@code result} on this loop, never exceptionally.
   *
   * @param candidates the addresses to try, in order
   * @param earlyData bytes to write once connected, before completing
   * @param timeoutNanos the deadline for the whole attempt (TIMED_OUT when it passes)
   */
  public static void start(
      EventLoop loop,
      List<InetSocketAddress> candidates,
      ByteBuffer earlyData,
      long timeoutNanos,
      CompletableFuture<ExitResult<NioExit>> result) {
    start(loop, candidates, earlyData, timeoutNanos, target -> Optional.empty(), result);
  }

  /**
   * Starts connecting from the source address {@code source} gives for each candidate (empty: the
   * system's choice).
   */
  public static void start(
      EventLoop loop,
      List<InetSocketAddress> candidates,
      ByteBuffer earlyData,
      long timeoutNanos,
      Function<InetSocketAddress, Optional<InetAddress>> source,
      CompletableFuture<ExitResult<NioExit>> result) {
    assert loop.inEventLoop();
    OutboundConnect c = new OutboundConnect(loop, candidates, earlyData, source, result);
    loop.schedule(c.deadline, timeoutNanos);
    c.next();
  }

  private void next() {
    assert loop.inEventLoop();
    closeChannel();
    if (!candidates.hasNext()) {
      fail(lastFailure);
      return;
    }
    InetSocketAddress target = candidates.next();
    try {
      channel =
          SocketChannel.open(
              target.getAddress() instanceof Inet6Address
                  ? StandardProtocolFamily.INET6
                  : StandardProtocolFamily.INET);
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Optional<InetAddress> from = source.apply(target);
      if (from.isPresent()) {
        channel.bind(new InetSocketAddress(from.get(), 0));
      }
      key = channel.register(loop.selector(), 0, this);
      if (channel.connect(target)) {
        onConnected();
      } else {
        key.interestOps(SelectionKey.OP_CONNECT);
      }
    } catch (IOException | RuntimeException e) {
      lastFailure = ConnectFailures.classify(e);
      next();
    }
  }

  @Override
  public void onReady(int readyOps) {
    assert loop.inEventLoop();
    if (finished) {
      return;
    }
    if (connected) {
      try {
        writeEarly();
      } catch (IOException e) {
        fail(ConnectFailures.classify(e)); // the stream broke after connecting: no other address
      }
      return;
    }
    try {
      if (channel().finishConnect()) {
        onConnected();
      }
    } catch (IOException e) {
      lastFailure = ConnectFailures.classify(e);
      next();
    }
  }

  private void onConnected() throws IOException {
    connected = true;
    writeEarly();
  }

  private void writeEarly() throws IOException {
    SocketChannel ch = channel();
    SelectionKey k = key();
    ch.write(earlyData);
    if (earlyData.hasRemaining()) {
      k.interestOps(SelectionKey.OP_WRITE);
      return;
    }
    finished = true;
    loop.cancel(deadline);
    k.interestOps(0);
    k.attach(null);
    NioExit exit = NioExit.of(ch);
    channel = null;
    result.complete(new ExitResult.Connected<>(exit));
  }

  private SocketChannel channel() {
    return Objects.requireNonNull(channel, "no attempt in progress");
  }

  private SelectionKey key() {
    return Objects.requireNonNull(key, "no attempt in progress");
  }

  private void onTimeout() {
    if (!finished) {
      fail(StreamFailure.TIMED_OUT);
    }
  }

  private void fail(StreamFailure failure) {
    finished = true;
    loop.cancel(deadline);
    closeChannel();
    result.complete(new ExitResult.Failed<>(failure));
  }

  private void closeChannel() {
    if (channel != null) {
      Closing.quietly(channel);
      channel = null;
      key = null;
    }
  }

  @Override
  public void onStop(boolean graceful) {
    assert loop.inEventLoop();
    if (!finished) {
      fail(StreamFailure.GENERAL);
    }
  }
}
