package dev.socksgate.transport.nio.internal;

import static dev.socksgate.transport.nio.internal.ClientPhase.CLOSED;
import static dev.socksgate.transport.nio.internal.ClientPhase.CLOSING;
import static dev.socksgate.transport.nio.internal.ClientPhase.RELAYING;

import dev.socksgate.core.handshake.HandshakeStep;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.session.StreamOutcome;
import dev.socksgate.transport.nio.NioExit;
import dev.socksgate.transport.nio.StreamRecord;
import dev.socksgate.transport.nio.TransportStats;
import dev.socksgate.transport.nio.internal.ClientPhase.Handshake;
import dev.socksgate.transport.nio.internal.ClientPhase.Handshaking;
import dev.socksgate.transport.nio.internal.ClientPhase.Opening;
import dev.socksgate.transport.nio.internal.ClientPhase.Replying;
import dev.socksgate.transport.nio.internal.ClientPhase.Verifying;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.function.Predicate;
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
 * <p>Each state is a {@link ClientPhase} that carries the data that exist while in it (the
 * handshake input, the request, the exit being replied for). Bytes go to the core's handshake
 * engine ({@link HandshakeInput}); every reply it returns is written in order (a partial write
 * stops further stepping until it is flushed). While the authenticator or the use case ({@link
 * StreamOpening}) is working the client is not read: bytes that followed the request in the buffer
 * become the request's early data, later ones are read when relaying starts. One {@link Deadline}
 * serves all timers: SocksTimeout for the handshake, again for the pending request, then the close
 * linger (the relay has its own idle deadline). Closing is graceful: the last reply is flushed,
 * then FIN, then the client's bytes are discarded until its EOF (or the linger ends), so that a
 * close never turns into a reset that would destroy the reply.
 *
 * <p>Confined to its loop thread; port callbacks come back through {@link EventLoop#tryExecute}.
 *
 * <p>Longer than the house's ~200 lines even with its phases ({@link ClientPhase}) and the use
 * case's hand-back ({@link StreamOpening}) in files of their own: it is one state machine, and
 * keeping every pre-relay transition (and which timer applies in which phase) in one file keeps it
 * reviewable.
 */
final class ClientConnection implements Endpoint.Handler {

  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0).asReadOnlyBuffer();
  private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

  private final ServerContext ctx;
  private final EventLoop loop;
  private final ClientInfo info;
  private final Admission slots; // the connection slot and the per-client counts it holds
  private final Deadline timer = new Deadline(this::onTimer);
  private final Endpoint client;
  private ClientPhase phase;
  private ByteBuffer out = NOTHING; // reply bytes not yet written: pending while it has any
  private boolean readSuspended; // bytes arrived while the request is pending: stop reading
  private final ListenerStats stats; // this loop's counters for the client's listener
  private final long acceptedAt; // loop clock
  private long requestAt; // loop clock, once the request is complete
  private boolean handshakeCounted;
  private long earlyBytes; // the request's early data

  /** How a new connection gets its endpoint: registered now, or taken over from a PROXY stage. */
  @FunctionalInterface
  private interface EndpointSource {
    Endpoint attach(Endpoint.Handler handler) throws IOException;
  }

  private ClientConnection(
      ServerContext ctx,
      EventLoop loop,
      EndpointSource endpoint,
      ClientInfo info,
      Admission slots,
      ByteBuffer readAhead)
      throws IOException {
    this.ctx = ctx;
    this.slots = slots;
    this.loop = loop;
    this.info = info;
    this.stats = ctx.stats(loop, slots.listener());
    this.acceptedAt = loop.now();
    this.phase =
        new Handshaking(
            new HandshakeInput(info, ctx.settings().handshake(), ctx.pool(loop), readAhead));
    // The endpoint needs this connection as its handler, so it is registered here: no event
    // reaches the connection before start() returns, since both run on the loop thread.
    this.client = endpoint.attach(this);
  }

  /** Registers an accepted client with {@code loop} and starts its handshake. */
  static void start(
      ServerContext ctx, EventLoop loop, SocketChannel channel, ClientInfo info, Admission slots) {
    assert loop.inEventLoop();
    ClientConnection c;
    try {
      c =
          new ClientConnection(
              ctx,
              loop,
              h -> Endpoint.register(loop, channel, h, ctx.settings().io()),
              info,
              slots,
              NOTHING);
    } catch (IOException e) {
      Closing.quietly(channel);
      slots.release();
      return;
    }
    c.begin();
  }

  /**
   * Takes over a client whose PROXY header {@link ProxyHeaderStage} has read: {@code info} is the
   * client the header carried, and {@code readAhead} the bytes that followed the header in the same
   * read (the start of the handshake), stepped through the engine at once.
   */
  static void start(
      ServerContext ctx,
      EventLoop loop,
      Endpoint endpoint,
      ClientInfo info,
      Admission slots,
      ByteBuffer readAhead) {
    assert loop.inEventLoop();
    ClientConnection c;
    try {
      c =
          new ClientConnection(
              ctx,
              loop,
              h -> {
                endpoint.handOver(h);
                return endpoint;
              },
              info,
              slots,
              readAhead);
    } catch (IOException e) {
      endpoint.close(); // not thrown by a hand-over
      slots.release();
      return;
    }
    c.begin();
    if (readAhead.hasRemaining()) {
      c.advance();
    }
  }

  private void begin() {
    slots.ticket().onShed(this::shed); // shed for a newcomer: closed silently, its slot passed on
    stats.connectionOpened();
    ctx.notify(ev -> ev.connectionAccepted(info));
    loop.schedule(timer, ctx.settings().socksTimeout().toNanos());
    updateInterest();
  }

  @Override
  public void onReadable(Endpoint e) {
    assert loop.inEventLoop();
    if (phase instanceof Handshaking h) {
      readHandshake(h.in());
    } else if (phase == CLOSING) {
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

  @Override
  public boolean closeIfRevoked(Predicate<String> revoked) {
    assert loop.inEventLoop();
    if (phase == CLOSED || phase == RELAYING || phase == CLOSING) {
      return false; // a relay answers for itself; a closing connection is on its way out
    }
    if (slots.user().filter(revoked).isEmpty()) {
      return false;
    }
    close(); // authenticated, still opening its stream: no reply, as on a server stop
    return true;
  }

  private void readHandshake(HandshakeInput in) {
    try {
      if (in.readFrom(client) < 0) {
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
    while (go && phase instanceof Handshaking h && !out.hasRemaining()) {
      go = apply(h.in(), h.in().step());
    }
    if (phase instanceof Handshaking h && !out.hasRemaining() && h.in().isFull()) {
      close(); // cannot happen with the codec's limits; never spin on a full buffer
      return;
    }
    if (phase instanceof Handshake h) {
      h.in().park(); // back to the loop: the read buffer goes back to the pool
    }
    updateInterest();
  }

  /** Carries out one instruction of the engine behind {@code in}; returns true to step again. */
  private boolean apply(HandshakeInput in, HandshakeStep step) {
    if (step instanceof HandshakeStep.Send s) {
      return write(s.bytes());
    } else if (step instanceof HandshakeStep.Verify v) {
      phase = new Verifying(in);
      String user = Admission.user(v.credentials().username());
      Verification.start(
          ctx, info.remote().getAddress(), v.credentials(), loop, ok -> onVerdict(ok, user));
    } else if (step instanceof HandshakeStep.Done d) {
      onRequest(in, d);
    } else if (step instanceof HandshakeStep.Failed f) {
      LOG.debug("handshake failed: {}", f.error().kind());
      handshakeCounted = true;
      stats.handshakeFailed(in.version(), f.error().kind());
      ctx.notify(ev -> ev.handshakeFailed(info, f.error()));
      finish(f.reply());
    }
    return false; // NeedMore, or the engine is waiting for something else now
  }

  private void onVerdict(boolean verified, String user) {
    assert loop.inEventLoop();
    if (!(phase instanceof Verifying v)) {
      return;
    }
    boolean accepted = verified;
    if (verified && !slots.acquireUser(user)) {
      accepted = false; // over --max-connections-per-user: the same 01 01 as a wrong password
      stats.refused(TransportStats.Refusal.PER_USER);
      ctx.notify(ev -> ev.authenticationRefusedByUserLimit(info));
    }
    HandshakeInput in = v.in();
    phase = new Handshaking(in);
    readSuspended = false;
    if (apply(in, in.verdict(accepted))) {
      advance();
    } else {
      updateInterest();
    }
  }

  private void onRequest(HandshakeInput in, HandshakeStep.Done done) {
    if (!slots.ticket().handshakeDone()) {
      close(); // shed a moment ago: the close is already on its way
      return;
    }
    StreamRequest r = done.request();
    handshakeCounted = true;
    requestAt = loop.now();
    stats.handshakeOk(r.protocol(), requestAt - acceptedAt);
    phase = new Opening(r);
    ByteBuffer earlyData = in.earlyData(); // gives the read buffer back: the handshake is over
    earlyBytes = earlyData.remaining();
    ctx.notify(ev -> ev.requestDone(r));
    loop.schedule(timer, ctx.settings().socksTimeout().toNanos());
    StreamOpening.start(ctx, r, earlyData, loop, this::onOutcome);
  }

  private void onOutcome(StreamOutcome<NioExit> outcome) {
    assert loop.inEventLoop();
    if (!(phase instanceof Opening o)) {
      StreamOpening.discard(outcome); // timed out or closed meanwhile: the exit is ours to close
      return;
    }
    if (outcome instanceof StreamOutcome.Relay<NioExit> r) {
      Replying replying = new Replying(o.request(), r.exit());
      phase = replying;
      if (write(r.reply())) {
        startRelay(replying);
      } else {
        updateInterest();
      }
      return;
    }
    Optional<StreamFailure> failure = Optional.empty();
    if (outcome instanceof StreamOutcome.Refused<NioExit> f) {
      failure = Optional.of(f.failure());
      ctx.notify(ev -> ev.streamFailed(o.request(), f.failure()));
    }
    answered(o.request(), failure);
    finish(outcome.reply());
  }

  /** Hands the client endpoint and the exit over to a {@link Relay}; this object is done. */
  private void startRelay(Replying replying) {
    phase = RELAYING;
    loop.cancel(timer);
    StreamRequest r = replying.request();
    long now = loop.now();
    stats.stream(r.command(), Optional.empty(), now - requestAt);
    ctx.notify(ev -> ev.streamOpened(r));
    StreamTiming timing =
        new StreamTiming(acceptedAt, requestAt - acceptedAt, now - requestAt, earlyBytes, stats);
    Relay.start(ctx, loop, info, slots, r, client, replying.exit(), timing);
  }

  /** A request answered without a relay: counted, and reported as finished. */
  private void answered(StreamRequest r, Optional<StreamFailure> failure) {
    long now = loop.now();
    stats.stream(r.command(), failure, now - requestAt);
    StreamRecord rec =
        new StreamRecord(
            slots.local(),
            r,
            failure,
            requestAt - acceptedAt,
            now - requestAt,
            now - acceptedAt,
            0,
            0);
    ctx.notify(ev -> ev.streamFinished(rec));
  }

  /** Shed for a newcomer at the cap: counted as a refusal, then closed silently. */
  private void shed() {
    if (phase != CLOSED) {
      stats.refused(TransportStats.Refusal.SHED);
    }
    close();
  }

  private void onTimer() {
    assert loop.inEventLoop();
    LOG.debug("timer expired in state {}", phase);
    if (phase instanceof Handshake h) {
      handshakeCounted = true;
      stats.handshakeEnded(h.in().version(), true);
      finish(NOTHING); // Tor closes an unfinished handshake silently
    } else if (phase instanceof Opening o) {
      StreamRequest req = o.request();
      ctx.notify(ev -> ev.streamFailed(req, StreamFailure.TIMED_OUT));
      answered(req, Optional.of(StreamFailure.TIMED_OUT));
      finish(ctx.service().failureReply(req, StreamFailure.TIMED_OUT));
    } else {
      close(); // REPLYING stuck on a client that does not read, or CLOSING lingered
    }
  }

  /** Sends a last reply (possibly empty), then FIN, then waits for the client's EOF. */
  private void finish(ByteBuffer reply) {
    if (phase instanceof Handshake h) {
      h.in().release();
    }
    phase = CLOSING;
    loop.schedule(timer, ctx.settings().closeLinger().toNanos());
    if (write(reply)) {
      afterFlush();
    } else {
      updateInterest();
    }
  }

  private void afterFlush() {
    if (phase instanceof Handshaking) {
      advance();
    } else if (phase instanceof Replying r) {
      startRelay(r);
    } else if (phase == CLOSING) {
      try {
        client.shutdownOutput();
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
    } else {
      updateInterest();
    }
  }

  private void discardInput() {
    BufferPool pool = ctx.pool(loop);
    ByteBuffer scratch = pool.acquire();
    try {
      if (client.read(scratch) < 0) {
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
      client.write(out);
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
    if (phase == CLOSED || phase == RELAYING) {
      return; // closed, or handed over to the relay
    }
    int ops = 0;
    if (out.hasRemaining()) {
      ops = SelectionKey.OP_WRITE;
    } else if (phase instanceof Handshaking || phase == CLOSING || !readSuspended) {
      // While a request is pending (VERIFYING, OPENING) the client is not read, but OP_READ is
      // left on until bytes actually arrive: most clients wait for the reply, and the relay
      // wants OP_READ again right after it, so turning it off and on would cost two epoll_ctl
      // calls per connection for nothing (a level-triggered wake-up then turns it off).
      ops = SelectionKey.OP_READ;
    }
    client.interest(ops);
  }

  /** Closes everything this connection holds, now. Idempotent; a no-op once relaying. */
  void close() {
    assert loop.inEventLoop();
    if (phase == CLOSED || phase == RELAYING) {
      return;
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("connection closed in state {}", phase);
    }
    ClientPhase last = phase;
    phase = CLOSED;
    if (last instanceof Handshake h) {
      if (!handshakeCounted) {
        stats.handshakeEnded(h.in().version(), false);
      }
      h.in().release();
    }
    loop.cancel(timer);
    if (last instanceof Replying r) {
      r.exit().close();
    }
    client.close();
    slots.release();
    stats.connectionClosed();
    ctx.notify(ev -> ev.connectionClosed(info));
  }
}
