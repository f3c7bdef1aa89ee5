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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

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
  private State state = Idle.INSTANCE;
  private StreamFailure lastFailure = StreamFailure.GENERAL;

  /** Where the attempt stands. */
  private sealed interface State {}

  /** Before the first attempt, and between two. */
  private enum Idle implements State {
    INSTANCE
  }

  /** The result is complete: the channel was handed on, or closed. */
  private enum Done implements State {
    INSTANCE
  }

  /** A socket of this attempt is open and registered. */
  private sealed interface Open extends State {
    SocketChannel channel();
  }

  /** Waiting for the TCP connect. */
  private record Connecting(SocketChannel channel, SelectionKey key) implements Open {}

  /** Connected; the early data is still being written. */
  private record WritingEarly(SocketChannel channel, SelectionKey key) implements Open {}

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
    closeAttempt();
    if (!candidates.hasNext()) {
      fail(lastFailure);
      return;
    }
    InetSocketAddress target = candidates.next();
    SocketChannel channel;
    try {
      channel =
          SocketChannel.open(
              target.getAddress() instanceof Inet6Address
                  ? StandardProtocolFamily.INET6
                  : StandardProtocolFamily.INET);
    } catch (IOException | RuntimeException e) {
      lastFailure = ConnectFailures.classify(e);
      next();
      return;
    }
    try {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Optional<InetAddress> from = source.apply(target);
      if (from.isPresent()) {
        channel.bind(new InetSocketAddress(from.get(), 0));
      }
      Connecting attempt = new Connecting(channel, channel.register(loop.selector(), 0, this));
      state = attempt;
      if (channel.connect(target)) {
        onConnected(attempt);
      } else {
        attempt.key().interestOps(SelectionKey.OP_CONNECT);
      }
    } catch (IOException | RuntimeException e) {
      Closing.quietly(channel);
      state = Idle.INSTANCE;
      lastFailure = ConnectFailures.classify(e);
      next();
    }
  }

  @Override
  public void onReady(int readyOps) {
    assert loop.inEventLoop();
    if (state instanceof WritingEarly w) {
      try {
        writeEarly(w);
      } catch (IOException e) {
        fail(ConnectFailures.classify(e)); // the stream broke after connecting: no other address
      }
    } else if (state instanceof Connecting c) {
      try {
        if (c.channel().finishConnect()) {
          onConnected(c);
        }
      } catch (IOException e) {
        lastFailure = ConnectFailures.classify(e);
        next();
      }
    }
  }

  private void onConnected(Connecting c) throws IOException {
    WritingEarly w = new WritingEarly(c.channel(), c.key());
    state = w;
    writeEarly(w);
  }

  private void writeEarly(WritingEarly w) throws IOException {
    w.channel().write(earlyData);
    if (earlyData.hasRemaining()) {
      w.key().interestOps(SelectionKey.OP_WRITE);
      return;
    }
    state = Done.INSTANCE;
    loop.cancel(deadline);
    w.key().interestOps(0);
    w.key().attach(null);
    result.complete(new ExitResult.Connected<>(NioExit.of(w.channel())));
  }

  private void onTimeout() {
    if (state != Done.INSTANCE) {
      fail(StreamFailure.TIMED_OUT);
    }
  }

  private void fail(StreamFailure failure) {
    closeAttempt();
    state = Done.INSTANCE;
    loop.cancel(deadline);
    result.complete(new ExitResult.Failed<>(failure));
  }

  private void closeAttempt() {
    if (state instanceof Open o) {
      Closing.quietly(o.channel());
      state = Idle.INSTANCE;
    }
  }

  @Override
  public void onStop(boolean graceful) {
    assert loop.inEventLoop();
    if (state != Done.INSTANCE) {
      fail(StreamFailure.GENERAL);
    }
  }
}
