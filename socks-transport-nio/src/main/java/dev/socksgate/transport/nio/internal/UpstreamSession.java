package dev.socksgate.transport.nio.internal;

import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.handshake.ClientFailure;
import dev.socksgate.core.handshake.ClientHandshake;
import dev.socksgate.core.handshake.ReplyCodes;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.port.ExitResult;
import dev.socksgate.transport.nio.NioExit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One SOCKS5 client session with an upstream proxy, on one event loop: connect (through {@link
 * OutboundConnect}), then the core's {@link ClientHandshake} over the channel, all within one
 * deadline. Completes with the upstream's success reply and the connected channel (left registered
 * with no interest, for a relay to take over), or with a failure; never exceptionally.
 *
 * <p>Confined to its loop thread.
 */
public final class UpstreamSession implements Selectable {

  /** How a session ended. */
  public sealed interface Outcome permits Opened, Failed {}

  /**
   * The upstream granted the request.
   *
   * @param reply its success reply
   * @param channel the connected channel, registered with no interest, now the caller's
   * @param received bytes the upstream sent after its reply
   */
  public record Opened(Socks5Reply reply, SocketChannel channel, ByteBuffer received)
      implements Outcome {}

  /**
   * The session failed; nothing is left open.
   *
   * @param failure why, as the client will be told
   */
  public record Failed(StreamFailure failure) implements Outcome {}

  /** Room for the longest reply (262 bytes) and whatever follows it in the same read. */
  static final int BUFFER = 1024;

  private final EventLoop loop;
  private final ClientHandshake handshake;
  private final CompletableFuture<Outcome> result;
  private final Deadline deadline = new Deadline(this::onTimeout);
  private final ByteBuffer in = ByteBuffer.allocate(BUFFER);
  private State state = Connecting.INSTANCE;
  private ByteBuffer out = ByteBuffer.allocate(0); // the handshake bytes not yet written

  /** Where the session stands. */
  private sealed interface State {}

  /** The TCP connect to the upstream is under way. */
  private enum Connecting implements State {
    INSTANCE
  }

  /** Connected: the SOCKS5 handshake with the upstream is under way on this channel. */
  private record Talking(SocketChannel channel, SelectionKey key) implements State {}

  /** The result is complete: the channel was handed on, or closed. */
  private enum Done implements State {
    INSTANCE
  }

  private UpstreamSession(
      EventLoop loop, ClientHandshake handshake, CompletableFuture<Outcome> result) {
    this.loop = loop;
    this.handshake = handshake;
    this.result = result;
  }

  /**
   * Connects to {@code upstream} and asks it for {@code request} with these credentials, sending
   * {@code earlyData} right behind the request. Must run on {@code loop}.
   */
  public static void start(
      EventLoop loop,
      InetSocketAddress upstream,
      byte[] username,
      byte[] password,
      Socks5Request request,
      ByteBuffer earlyData,
      long timeoutNanos,
      CompletableFuture<Outcome> result) {
    assert loop.inEventLoop();
    UpstreamSession s =
        new UpstreamSession(
            loop,
            ClientHandshake.socks5(
                request,
                Optional.of(new Credentials.UsernamePassword(username, password)),
                earlyData),
            result);
    loop.schedule(s.deadline, timeoutNanos);
    CompletableFuture<ExitResult<NioExit>> connected = new CompletableFuture<>();
    // OutboundConnect completes `connected` on this loop and never exceptionally, and
    // onConnected handles its own I/O failures: the future derived here carries nothing.
    CompletableFuture<Void> unused = connected.thenAccept(s::onConnected);
    OutboundConnect.start(loop, List.of(upstream), ByteBuffer.allocate(0), timeoutNanos, connected);
  }

  private void onConnected(ExitResult<NioExit> r) {
    if (state == Done.INSTANCE) {
      if (r instanceof ExitResult.Connected<?> c) {
        ((NioExit) c.exit()).close();
      }
      return;
    }
    if (!(r instanceof ExitResult.Connected<NioExit> c)) {
      // The upstream itself is unreachable: that is our failure, not the target's.
      StreamFailure f = ((ExitResult.Failed<?>) r).failure();
      finish(new Failed(f == StreamFailure.TIMED_OUT ? f : StreamFailure.GENERAL));
      return;
    }
    SocketChannel ch = c.exit().channel();
    SelectionKey k = ch.keyFor(loop.selector());
    k.attach(this);
    Talking t = new Talking(ch, k);
    state = t;
    out = handshake.start().bytes();
    flush(t);
  }

  @Override
  public void onReady(int readyOps) {
    assert loop.inEventLoop();
    if ((readyOps & SelectionKey.OP_WRITE) != 0 && state instanceof Talking t) {
      flush(t);
    }
    if ((readyOps & SelectionKey.OP_READ) != 0 && state instanceof Talking t) {
      read(t);
    }
  }

  private void flush(Talking t) {
    try {
      t.channel().write(out);
    } catch (IOException e) {
      fail(StreamFailure.GENERAL);
      return;
    }
    t.key().interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
  }

  private void read(Talking t) {
    int n;
    try {
      n = t.channel().read(in);
    } catch (IOException e) {
      fail(StreamFailure.GENERAL);
      return;
    }
    if (n < 0) {
      fail(StreamFailure.GENERAL);
      return;
    }
    in.flip();
    while (state == t) {
      ClientHandshake.Step step = handshake.step(in);
      if (step instanceof ClientHandshake.Step.Failed f) {
        fail(failureOf(f.failure()));
      } else if (step instanceof ClientHandshake.Step.Done d) {
        succeed(t, ((ClientHandshake.Reply.V5) d.reply()).reply());
      } else if (step instanceof ClientHandshake.Step.Send send) {
        out = send.bytes();
        flush(t);
      } else {
        break;
      }
    }
    if (state == t) {
      in.compact();
      if (!in.hasRemaining()) {
        fail(StreamFailure.GENERAL); // a reply longer than any SOCKS5 reply
      }
    }
  }

  /**
   * The upstream's refusal of the request passes on as the matching failure; anything else (no
   * acceptable method, rejected credentials, bytes that are not SOCKS5) is our own failure.
   */
  private static StreamFailure failureOf(ClientFailure failure) {
    if (failure instanceof ClientFailure.Refused r
        && r.reply() instanceof ClientHandshake.Reply.V5 v5) {
      return ReplyCodes.failureOf(v5.reply().rep());
    }
    return StreamFailure.GENERAL;
  }

  private void succeed(Talking t, Socks5Reply reply) {
    ByteBuffer received = ByteBuffer.allocate(in.remaining());
    received.put(in).flip();
    t.key().interestOps(0);
    t.key().attach(null);
    finish(new Opened(reply, t.channel(), received));
  }

  private void onTimeout() {
    if (state != Done.INSTANCE) {
      fail(StreamFailure.TIMED_OUT);
    }
  }

  private void fail(StreamFailure failure) {
    if (state instanceof Talking t) {
      Closing.quietly(t.channel());
    }
    finish(new Failed(failure));
  }

  private void finish(Outcome outcome) {
    state = Done.INSTANCE;
    loop.cancel(deadline);
    result.complete(outcome);
  }

  @Override
  public void onStop(boolean graceful) {
    if (state != Done.INSTANCE) {
      fail(StreamFailure.GENERAL);
    }
  }
}
