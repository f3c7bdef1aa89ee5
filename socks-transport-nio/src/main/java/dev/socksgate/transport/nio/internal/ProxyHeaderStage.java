package dev.socksgate.transport.nio.internal;

import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.proxy.ProxyHeader;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.transport.nio.ServerEvents.ProxyHeaderFailure;
import dev.socksgate.transport.nio.TransportStats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first phase of a connection to a ProxyProtocol listener: read the PROXY header (HAProxy's
 * proxy-protocol.txt, v1 or v2), then hand the connection to a {@link ClientConnection} whose
 * client is the address the header carried, or the socket's for v1 {@code UNKNOWN} / v2 {@code
 * LOCAL} (§2.1, §2.2). The spec's receiver rules: nothing is processed before a complete, valid
 * header ("MUST NOT start processing the connection before"); anything else, or no whole header
 * within the header timeout, closes the connection without a reply.
 *
 * <p>Reads never go past what the decoder can use: a v2 header is read to its exact length, a v1
 * header to at most {@value ProxyHeader#MAX_V1_LENGTH} bytes. Bytes of the next protocol that came
 * with a v1 line (the SOCKS greeting, in the same segment) are handed on as read-ahead. The header
 * buffer ({@value ProxyHeader#MAX_LENGTH} bytes) lives only while the header is read.
 *
 * <p>Confined to its loop thread.
 */
final class ProxyHeaderStage implements Endpoint.Handler {

  private static final Logger LOG = LoggerFactory.getLogger(ProxyHeaderStage.class);

  private final ServerContext ctx;
  private final EventLoop loop;
  private final ClientInfo source;
  private final InetSocketAddress local;
  private final int index; // the listener's place in the statistics
  private final Shedding.Ticket ticket;
  private final Deadline timer = new Deadline(this::onTimeout);
  private final ByteBuffer buf = ByteBuffer.allocate(ProxyHeader.MAX_LENGTH);
  private final Endpoint endpoint;
  private boolean done;

  private ProxyHeaderStage(
      ServerContext ctx,
      EventLoop loop,
      SocketChannel channel,
      ClientInfo source,
      InetSocketAddress local,
      int index,
      Shedding.Ticket ticket)
      throws IOException {
    this.ctx = ctx;
    this.loop = loop;
    this.source = source;
    this.local = local;
    this.index = index;
    this.ticket = ticket;
    this.endpoint = Endpoint.register(loop, channel, this, ctx.settings().io());
  }

  /** Registers an accepted connection from a trusted source and starts reading its header. */
  static void start(
      ServerContext ctx,
      EventLoop loop,
      SocketChannel channel,
      ClientInfo source,
      InetSocketAddress local,
      int index,
      Shedding.Ticket ticket) {
    assert loop.inEventLoop();
    ProxyHeaderStage s;
    try {
      s = new ProxyHeaderStage(ctx, loop, channel, source, local, index, ticket);
    } catch (IOException e) {
      Closing.quietly(channel);
      ctx.releaseSlot(ticket);
      return;
    }
    ticket.onShed(s::shed); // a stalled header is shed like a stalled handshake
    loop.schedule(s.timer, ctx.settings().proxyHeaderTimeout().toNanos());
    s.endpoint.interest(SelectionKey.OP_READ);
  }

  @Override
  public void onReadable(Endpoint e) {
    assert loop.inEventLoop();
    if (done) {
      return;
    }
    int n;
    try {
      buf.limit(readLimit());
      n = endpoint.read(buf);
    } catch (IOException ex) {
      fail(ProxyHeaderFailure.CLOSED);
      return;
    }
    buf.flip();
    Decoded<ProxyHeader> d = ProxyHeader.decode(buf);
    if (d instanceof Decoded.Message<ProxyHeader> m) {
      admit(m.value());
      return;
    }
    if (d instanceof Decoded.Malformed<ProxyHeader> bad) {
      LOG.debug("PROXY header malformed: {}", bad.error().describe());
      fail(ProxyHeaderFailure.MALFORMED);
      return;
    }
    buf.position(buf.limit()).limit(buf.capacity()); // NeedMore: keep the bytes, read on
    if (n < 0) {
      fail(ProxyHeaderFailure.CLOSED);
    }
  }

  // v1: up to its longest line; otherwise the bytes the decoder asks for, so v2 is read exactly.
  private int readLimit() {
    int have = buf.position();
    if (have > 0 && buf.get(0) == 'P') {
      return ProxyHeader.MAX_V1_LENGTH;
    }
    ByteBuffer view = buf.duplicate().flip();
    Decoded<ProxyHeader> d = ProxyHeader.decode(view);
    int want = d instanceof Decoded.NeedMore<ProxyHeader> more ? more.atLeast() : 1;
    return Math.min(buf.capacity(), have + want);
  }

  private void admit(ProxyHeader header) {
    done = true;
    loop.cancel(timer);
    ClientInfo client =
        header.addresses().map(a -> new ClientInfo(a.source(), source.listener())).orElse(source);
    ByteBuffer readAhead = ByteBuffer.allocate(buf.remaining()).put(buf).flip();
    Optional<Admission> slots = ctx.gate().admitCarried(client, local, index, ticket, loop);
    if (slots.isEmpty()) {
      endpoint.close(); // refused as a direct client would be: closed before a byte is written
      ctx.releaseSlot(ticket);
      return;
    }
    ClientConnection.start(ctx, loop, endpoint, client, slots.get(), readAhead);
  }

  private void onTimeout() {
    fail(ProxyHeaderFailure.TIMED_OUT);
  }

  private void fail(ProxyHeaderFailure failure) {
    if (done) {
      return;
    }
    close();
    ctx.notify(ev -> ev.proxyHeaderFailed(local, source.remote(), failure));
  }

  private void shed() {
    if (!done) {
      ctx.stats(loop, index).refused(TransportStats.Refusal.SHED);
    }
    close();
  }

  /** Closes the connection now, without a reply. Idempotent. */
  private void close() {
    if (done) {
      return;
    }
    done = true;
    loop.cancel(timer);
    endpoint.close();
    ctx.releaseSlot(ticket);
  }

  @Override
  public void onWritable(Endpoint e) {
    // never asked for: nothing is written before the header is read
  }

  @Override
  public void onStop(boolean graceful) {
    close();
  }

  @Override
  public boolean closeIfRevoked(Predicate<String> revoked) {
    return false; // no user yet
  }
}
