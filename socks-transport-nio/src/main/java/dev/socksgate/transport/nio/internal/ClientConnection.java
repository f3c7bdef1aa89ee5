package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.handshake.HandshakeStep;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.session.StreamOutcome;
import dev.socksgate.transport.nio.NioExit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, from accept to close:
 *
 * <pre>
 * HANDSHAKE ─Verify→ VERIFYING ─verdict→ HANDSHAKE ─Done→ OPENING ─Relay→ REPLYING → RELAYING
 *     │ Failed / timeout (silent)            │ Answered, Refused,        (handed over to
 *     └──────────────→ CLOSING ←─────────────┘ timeout (TIMED_OUT reply)   a Relay)
 *                         └→ CLOSED
 * </pre>
 *
 * <p>Bytes go to the core's handshake engine ({@link HandshakeInput}); every reply it returns is
 * written in order (a partial write stops further stepping until it is flushed). While the
 * authenticator or the use case is working the client is not read: bytes that followed the request
 * in the buffer become the request's early data, later ones are read when relaying starts. One
 * {@link Deadline} serves all timers: SocksTimeout for the handshake, again for the pending
 * request, then the close linger (the relay has its own idle deadline). Closing is graceful: the
 * last reply is flushed, then FIN, then the client's bytes are discarded until its EOF (or the
 * linger ends), so that a close never turns into a reset that would destroy the reply.
 *
 * <p>Confined to its loop thread; port callbacks come back through {@link EventLoop#tryExecute}.
 *
 * <p>Somewhat longer than the house's ~200 lines: it is one state machine, and keeping every
 * pre-relay transition (and which timer applies in which state) in one file keeps it reviewable.
 */
final class ClientConnection implements Endpoint.Handler {

  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0).asReadOnlyBuffer();
  private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

  enum State {
    HANDSHAKE,
    VERIFYING,
    OPENING,
    REPLYING,
    RELAYING,
    CLOSING,
    CLOSED
  }

  private final ServerContext ctx;
  private final EventLoop loop;
  private final ClientInfo info;
  private final Deadline timer = new Deadline(this::onTimer);
  // Each field below belongs to the phases that use it and is null outside them.
  private @Nullable Endpoint client; // set by start
  private State state = State.HANDSHAKE;
  private @Nullable HandshakeInput handshake; // null once the request is complete
  private ByteBuffer out = NOTHING; // reply bytes not yet written: pending while it has any
  private @Nullable StreamRequest request;
  private @Nullable NioExit exit; // while its success reply is being written
  private boolean readSuspended; // bytes arrived while the request is pending: stop reading

  private ClientConnection(ServerContext ctx, EventLoop loop, ClientInfo info) {
    this.ctx = ctx;
    this.loop = loop;
    this.info = info;
    this.handshake = new HandshakeInput(info, ctx.settings().handshake(), ctx.pool(loop));
  }

  /** Registers an accepted client with {@code loop} and starts its handshake. */
  static void start(ServerContext ctx, EventLoop loop, SocketChannel channel, ClientInfo info) {
    assert loop.inEventLoop();
    ClientConnection c = new ClientConnection(ctx, loop, info);
    try {
      c.client = Endpoint.register(loop, channel, c, ctx.settings().io());
    } catch (IOException e) {
      Closing.quietly(channel);
      ctx.release();
      return;
    }
    ctx.notify(ev -> ev.connectionAccepted(info));
    loop.schedule(c.timer, ctx.settings().socksTimeout().toNanos());
    c.updateInterest();
  }

  @Override
  public void onReadable(Endpoint e) {
    assert loop.inEventLoop();
    if (state == State.HANDSHAKE) {
      readHandshake();
    } else if (state == State.CLOSING) {
      discardInput();
    } else if (!readSuspended) {
      // VERIFYING, OPENING, REPLYING: the bytes stay in the kernel until relaying starts. Only
      // now that some arrived is OP_READ turned off (see updateInterest).
      readSuspended = true;
      updateInterest();
    }
  }

  @Override
  public void onWritable(Endpoint e) {
    assert loop.inEventLoop();
    if (out.hasRemaining() && flush()) {
      afterFlush();
    }
  }

  @Override
  public void onStop(boolean graceful) {
    assert loop.inEventLoop();
    close(); // not relaying yet, so a graceful stop closes it too
  }

  private void readHandshake() {
    try {
      if (handshake().readFrom(client()) < 0) {
        close(); // EOF before a complete request: nothing to answer
        return;
      }
    } catch (IOException e) {
      close();
      return;
    }
    advance();
  }

  /** Steps the engine over the buffered input until it needs more, waits, or finishes. */
  private void advance() {
    boolean go = true;
    while (go && state == State.HANDSHAKE && !out.hasRemaining()) {
      go = apply(handshake().step());
    }
    if (state == State.HANDSHAKE && !out.hasRemaining() && handshake().isFull()) {
      close(); // cannot happen with the codec's limits; never spin on a full buffer
      return;
    }
    if (handshake != null) {
      handshake.park(); // back to the loop: the read buffer goes back to the pool
    }
    updateInterest();
  }

  /** Carries out one instruction; returns true to step again. */
  private boolean apply(HandshakeStep step) {
    if (step instanceof HandshakeStep.Send s) {
      return write(s.bytes());
    } else if (step instanceof HandshakeStep.Verify v) {
      state = State.VERIFYING;
      Verification.start(ctx, v.credentials(), loop, this::onVerdict);
    } else if (step instanceof HandshakeStep.Done d) {
      onRequest(d);
    } else if (step instanceof HandshakeStep.Failed f) {
      LOG.debug("handshake failed: {}", f.error().kind());
      ctx.notify(ev -> ev.handshakeFailed(info, f.error()));
      finish(f.reply());
    }
    return false; // NeedMore, or the engine is waiting for something else now
  }

  private void onVerdict(boolean accepted) {
    assert loop.inEventLoop();
    if (state != State.VERIFYING) {
      return;
    }
    state = State.HANDSHAKE;
    readSuspended = false;
    if (apply(handshake().verdict(accepted))) {
      advance();
    } else {
      updateInterest();
    }
  }

  private void onRequest(HandshakeStep.Done done) {
    request = done.request();
    state = State.OPENING;
    ByteBuffer earlyData = handshake().earlyData();
    dropHandshake();
    StreamRequest r = request;
    ctx.notify(ev -> ev.requestDone(r));
    loop.schedule(timer, ctx.settings().socksTimeout().toNanos());
    CompletionStage<StreamOutcome<NioExit>> stage;
    try {
      stage = ctx.service().open(r, earlyData);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (outcome, error) -> {
          if (!loop.tryExecute(() -> onOutcome(outcome, error))) {
            discard(outcome);
          }
        });
  }

  // From whenComplete: exactly one of the two is null.
  private void onOutcome(@Nullable StreamOutcome<NioExit> outcome, @Nullable Throwable error) {
    assert loop.inEventLoop();
    if (state != State.OPENING) {
      discard(outcome); // timed out or closed meanwhile: the exit is ours to close
      return;
    }
    if (error != null || outcome == null) {
      LOG.debug("use case failed unexpectedly", error);
      outcome =
          new StreamOutcome.Refused<>(
              StreamFailure.GENERAL, ctx.service().failureReply(request(), StreamFailure.GENERAL));
    }
    if (outcome instanceof StreamOutcome.Relay<NioExit> r) {
      state = State.REPLYING;
      exit = r.exit();
      if (write(r.reply())) {
        startRelay();
      } else {
        updateInterest();
      }
      return;
    }
    if (outcome instanceof StreamOutcome.Refused<NioExit> f) {
      StreamRequest req = request();
      ctx.notify(ev -> ev.streamFailed(req, f.failure()));
    }
    finish(outcome.reply());
  }

  /** Hands the client endpoint and the exit over to a {@link Relay}; this object is done. */
  private void startRelay() {
    state = State.RELAYING;
    loop.cancel(timer);
    StreamRequest r = request();
    NioExit e = Objects.requireNonNull(exit, "no exit");
    request = null;
    exit = null;
    ctx.notify(ev -> ev.streamOpened(r));
    Relay.start(ctx, loop, info, client(), e);
  }

  private void onTimer() {
    assert loop.inEventLoop();
    LOG.debug("timer expired in state {}", state);
    switch (state) {
      case HANDSHAKE, VERIFYING -> finish(NOTHING); // Tor closes an unfinished handshake silently
      case OPENING -> {
        StreamRequest req = request();
        ctx.notify(ev -> ev.streamFailed(req, StreamFailure.TIMED_OUT));
        finish(ctx.service().failureReply(req, StreamFailure.TIMED_OUT));
      }
      default -> close(); // REPLYING stuck on a client that does not read, or CLOSING lingered
    }
  }

  /** Sends a last reply (possibly empty), then FIN, then waits for the client's EOF. */
  private void finish(ByteBuffer reply) {
    state = State.CLOSING;
    dropHandshake();
    request = null;
    loop.schedule(timer, ctx.settings().closeLinger().toNanos());
    if (write(reply)) {
      afterFlush();
    } else {
      updateInterest();
    }
  }

  private void afterFlush() {
    switch (state) {
      case HANDSHAKE -> advance();
      case REPLYING -> startRelay();
      case CLOSING -> {
        try {
          client().shutdownOutput();
        } catch (IOException e) {
          close();
          return;
        }
        long linger = ctx.settings().closeLinger().toNanos();
        if (linger == 0) {
          close();
          return;
        }
        loop.schedule(timer, linger); // now wait for the client's EOF
        updateInterest();
      }
      default -> updateInterest();
    }
  }

  private void discardInput() {
    BufferPool pool = ctx.pool(loop);
    ByteBuffer scratch = pool.acquire();
    try {
      if (client().read(scratch) < 0) {
        close();
      }
    } catch (IOException e) {
      close();
    } finally {
      pool.release(scratch);
    }
  }

  /** Starts writing {@code bytes}; returns true if all were written. */
  private boolean write(ByteBuffer bytes) {
    out = bytes;
    return flush();
  }

  private boolean flush() {
    try {
      client().write(out);
    } catch (IOException e) {
      close();
      return false;
    }
    if (out.hasRemaining()) {
      return false;
    }
    out = NOTHING;
    return true;
  }

  private void updateInterest() {
    if (state == State.CLOSED || state == State.RELAYING) {
      return; // closed, or handed over to the relay
    }
    int ops = 0;
    if (out.hasRemaining()) {
      ops = SelectionKey.OP_WRITE;
    } else if (state == State.HANDSHAKE || state == State.CLOSING || !readSuspended) {
      // While a request is pending (VERIFYING, OPENING) the client is not read, but OP_READ is
      // left on until bytes actually arrive: most clients wait for the reply, and the relay
      // wants OP_READ again right after it, so turning it off and on would cost two epoll_ctl
      // calls per connection for nothing (a level-triggered wake-up then turns it off).
      ops = SelectionKey.OP_READ;
    }
    client().interest(ops);
  }

  // The phase fields' accessors: each fails fast when called outside the phases that set it.
  private Endpoint client() {
    return Objects.requireNonNull(client, "not registered");
  }

  private HandshakeInput handshake() {
    return Objects.requireNonNull(handshake, "handshake over");
  }

  private StreamRequest request() {
    return Objects.requireNonNull(request, "no request");
  }

  private void dropHandshake() {
    if (handshake != null) {
      handshake.release();
      handshake = null;
    }
  }

  private static void discard(@Nullable StreamOutcome<NioExit> outcome) {
    if (outcome instanceof StreamOutcome.Relay<NioExit> r) {
      r.exit().close();
    }
  }

  /** Closes everything this connection holds, now. Idempotent; a no-op once relaying. */
  void close() {
    assert loop.inEventLoop();
    if (state == State.CLOSED || state == State.RELAYING) {
      return;
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("connection closed in state {}", state);
    }
    state = State.CLOSED;
    dropHandshake();
    loop.cancel(timer);
    if (exit != null) {
      exit.close();
      exit = null;
    }
    client().close();
    ctx.release();
    ctx.notify(ev -> ev.connectionClosed(info));
  }
}
