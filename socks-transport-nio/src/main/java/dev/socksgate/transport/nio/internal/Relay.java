package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.transport.nio.NioExit;
import dev.socksgate.transport.nio.StreamRecord;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection in its last phase: the two directions between a client and its exit, and the
 * interest ops they imply. An endpoint reads while its outgoing direction is empty and not at EOF,
 * and writes only while its incoming direction holds unwritten bytes. The relay ends when both
 * directions passed EOF on (half-close each way), on an I/O error, or when it was idle too long; it
 * then closes both channels, gives the connection slot back and reports the close.
 *
 * <p>The client connection hands its endpoint over when the success reply is written and is then
 * garbage: an idle tunnel costs this object, its two pipes (no buffer), two endpoints and at most
 * one deadline. Confined to the loop thread of both endpoints.
 */
final class Relay implements Endpoint.Handler {

  private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

  private final ServerContext ctx;
  private final EventLoop loop;
  private final ClientInfo info;
  private final Admission slots;
  private final Endpoint client;
  private final Deadline idle = new Deadline(this::onIdle);
  private final Endpoint exit;
  private final RelayPipe up;
  private final RelayPipe down;
  private final Optional<TokenBucket> bucket; // --bandwidth-rate: the user's, shared
  private final Deadline upResume; // scheduled only with a bucket
  private final Deadline downResume;
  private long lastActivity;
  private boolean closed;
  private final StreamRequest request;
  private final StreamTiming timing;
  private final ListenerStats stats; // this loop's counters for the client's listener
  private long openedAt; // loop clock at the success reply
  private long bytesUp; // this relay's own totals, for its StreamRecord
  private long bytesDown;

  private Relay(
      ServerContext ctx,
      EventLoop loop,
      ClientInfo info,
      Admission slots,
      StreamRequest request,
      Endpoint client,
      NioExit exitHandle,
      StreamTiming timing)
      throws IOException {
    this.request = request;
    this.timing = timing;
    this.stats = timing.stats();
    this.ctx = ctx;
    this.loop = loop;
    this.info = info;
    this.slots = slots;
    this.client = client;
    // The exit's endpoint needs this relay as its handler, so it is registered here: no event
    // reaches the relay before start() returns, since both run on the loop thread.
    this.exit = Endpoint.register(loop, exitHandle.channel(), this, ctx.settings().io());
    BufferPool pool = ctx.pool(loop);
    BufferPool bulk = ctx.bulkPool(loop);
    this.up = new RelayPipe(client, exit, pool, bulk);
    this.down = new RelayPipe(exit, client, pool, bulk);
    up.reverse(down);
    down.reverse(up);
    this.upResume = new Deadline(() -> resume(up));
    this.downResume = new Deadline(() -> resume(down));
    this.bucket = ctx.settings().bandwidth().acquire(bandwidthUser(ctx, info, request));
    bucket.ifPresent(
        b -> {
          up.limit(b);
          down.limit(b);
        });
  }

  /**
   * Whose bandwidth bucket a relay takes from: the RFC 1929 username (or the HTTP Basic one) when
   * an authenticator checks them, else the client's address (IPv6: the whole address, not its /64).
   */
  static String bandwidthUser(ServerContext ctx, ClientInfo info, StreamRequest request) {
    if (ctx.settings().authenticator().isPresent()
        && request.credentials() instanceof Credentials.UsernamePassword up) {
      return "user:" + new String(up.username(), StandardCharsets.ISO_8859_1);
    }
    if (ctx.settings().authenticator().isPresent()
        && request.credentials() instanceof Credentials.HttpIsolation http
        && http.basic().isPresent()) {
      return "user:" + new String(http.basic().get().username(), StandardCharsets.ISO_8859_1);
    }
    return "addr:" + info.remote().getAddress().getHostAddress();
  }

  /**
   * Takes over {@code client} and {@code exitHandle}: registers the exit with the client's loop,
   * writes the exit's pending data first, then relays. On failure everything is closed.
   */
  static void start(
      ServerContext ctx,
      EventLoop loop,
      ClientInfo info,
      Admission slots,
      StreamRequest request,
      Endpoint client,
      NioExit exitHandle,
      StreamTiming timing) {
    assert loop.inEventLoop();
    Relay r;
    try {
      r = new Relay(ctx, loop, info, slots, request, client, exitHandle, timing);
    } catch (IOException | RuntimeException e) {
      exitHandle.close();
      closeClient(ctx, info, slots, client, timing.stats());
      return;
    }
    client.handOver(r);
    r.stats.relayOpened();
    r.counted(r.up, timing.earlyBytes()); // whether the exit wrote them already or we will
    r.counted(r.down, exitHandle.receivedData().remaining());
    r.up.preload(exitHandle.earlyData());
    r.down.preload(exitHandle.receivedData());
    r.lastActivity = loop.now();
    r.openedAt = r.lastActivity;
    long idleNanos = ctx.settings().idleTimeout().toNanos();
    if (idleNanos > 0) {
      loop.schedule(r.idle, idleNanos);
    }
    r.onWritable(r.exit);
    if (!r.closed && r.down.wantsWrite()) {
      r.onWritable(r.client);
    }
  }

  // No lambdas on this path: a read or write allocates nothing.
  @Override
  public void onReadable(Endpoint e) {
    assert loop.inEventLoop();
    if (closed) {
      return;
    }
    RelayPipe p = e == client ? up : down;
    int n;
    try {
      n = p.onReadable();
    } catch (IOException ex) {
      failed(ex);
      return;
    }
    if (n > 0) {
      counted(p, n); // once per read batch, not per read
    }
    if (p.isThrottled()) { // never true without a bandwidth limit
      suspend(p);
    }
    after(n);
  }

  private void counted(RelayPipe p, long n) {
    if (p == up) {
      bytesUp += n;
      stats.bytesUp(n);
    } else {
      bytesDown += n;
      stats.bytesDown(n);
    }
  }

  /** The user's bucket is empty: {@code p} reads again when enough tokens are back. */
  private void suspend(RelayPipe p) {
    Deadline d = p == up ? upResume : downResume;
    if (!d.isScheduled()) {
      loop.schedule(d, p.resumeNanos());
    }
  }

  private void resume(RelayPipe p) {
    if (closed) {
      return;
    }
    p.resume();
    after(0);
  }

  @Override
  public void onWritable(Endpoint e) {
    assert loop.inEventLoop();
    if (closed) {
      return;
    }
    int n;
    try {
      n = (e == exit ? up : down).flush();
    } catch (IOException ex) {
      failed(ex);
      return;
    }
    after(n); // a slow reader draining a buffer is not idle
  }

  @Override
  public void onStop(boolean graceful) {
    assert loop.inEventLoop();
    if (!graceful) {
      close(); // a graceful stop lets relays finish
    }
  }

  @Override
  public boolean closeIfRevoked(Predicate<String> revoked) {
    assert loop.inEventLoop();
    if (closed || slots.user().filter(revoked).isEmpty()) {
      return false;
    }
    LOG.debug("relay of a revoked user: closing");
    close();
    return true;
  }

  private void failed(IOException e) {
    LOG.debug("relay ended by an I/O error: {}", e.toString());
    close();
  }

  /** After a read or write that moved {@code n} bytes: activity, the end, or new interest ops. */
  private void after(int n) {
    if (n > 0) {
      lastActivity = loop.now();
    }
    if (up.isDone() && down.isDone()) {
      close();
      return;
    }
    client.interest(ops(up.wantsRead(), down.wantsWrite()));
    exit.interest(ops(down.wantsRead(), up.wantsWrite()));
  }

  private void onIdle() {
    long idleNanos = ctx.settings().idleTimeout().toNanos();
    long quiet = loop.now() - lastActivity;
    if (quiet >= idleNanos) {
      LOG.debug("relay idle for {} ms: closing", quiet / 1_000_000);
      close();
    } else {
      loop.schedule(idle, idleNanos - quiet); // one heap entry, moved lazily, not per read
    }
  }

  /** Closes both sides now and gives the buffers and the connection slot back. Idempotent. */
  void close() {
    assert loop.inEventLoop();
    if (closed) {
      return;
    }
    closed = true;
    loop.cancel(idle);
    loop.cancel(upResume);
    loop.cancel(downResume);
    bucket.ifPresent(b -> ctx.settings().bandwidth().release(b));
    up.release();
    down.release();
    exit.close();
    long now = loop.now();
    stats.relayClosed();
    stats.streamDuration.observe(now - openedAt);
    StreamRecord rec =
        new StreamRecord(
            slots.local(),
            request,
            Optional.empty(),
            timing.handshakeNanos(),
            timing.connectNanos(),
            now - timing.acceptedAt(),
            bytesUp,
            bytesDown);
    ctx.notify(ev -> ev.streamFinished(rec));
    closeClient(ctx, info, slots, client, stats);
  }

  private static void closeClient(
      ServerContext ctx, ClientInfo info, Admission slots, Endpoint client, ListenerStats stats) {
    client.close();
    slots.release();
    stats.connectionClosed();
    ctx.notify(ev -> ev.connectionClosed(info));
  }

  private static int ops(boolean read, boolean write) {
    return (read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0);
  }
}
