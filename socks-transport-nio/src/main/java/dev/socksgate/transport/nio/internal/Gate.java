package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.policy.AddressKey;
import dev.socksgate.transport.nio.TransportStats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission of accepted connections, on the acceptor's loop: the client policy, the per-address
 * limit and the connection cap (with shedding, in the {@link ServerContext}), then the hand-over to
 * the next loop. A PROXY-protocol connection is judged twice: its source when accepted, the address
 * its header carries once read.
 *
 * <p>Thread-safe: holds nothing but its context.
 */
final class Gate {

  private static final Logger LOG = LoggerFactory.getLogger(Gate.class);

  private final ServerContext ctx;

  Gate(ServerContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Takes an accepted client: closes it at once if the client policy refuses its address, or if the
   * cap is reached and no handshake older than {@link Shedding#GRACE_NANOS} can be shed for it;
   * else hands it to the next loop (round robin). Called on the acceptor's loop, {@code here};
   * {@code index} is the listener's place in the statistics.
   */
  void admit(
      SocketChannel channel,
      ListenerSettings listener,
      InetSocketAddress local,
      EventLoop here,
      int index) {
    Optional<InetSocketAddress> remote = remoteOf(channel);
    if (remote.isEmpty()) {
      return;
    }
    // as Tor: a refused client is closed before a byte is read or written
    Optional<AddressKey> key = judge(remote.get(), local, ctx.stats(here, index));
    if (key.isEmpty()) {
      Closing.quietly(channel);
      return;
    }
    if (!ctx.takeSlot(local, ctx.stats(here, index))) {
      ctx.settings().clientLimits().perAddress().release(key.get());
      Closing.quietly(channel);
      return;
    }
    ClientInfo info = new ClientInfo(remote.get(), listener);
    EventLoop loop = ctx.nextLoop();
    Admission slots = new Admission(ctx, key.get(), ctx.enterShedding(info, loop), index, local);
    if (!prepare(channel)) {
      slots.release();
      return;
    }
    ctx.stats(here, index).accepted(); // before the hand-over: its events must not come first
    if (!loop.tryExecute(() -> ClientConnection.start(ctx, loop, channel, info, slots))) {
      Closing.quietly(channel);
      slots.release();
    }
  }

  /** The accepted socket's remote address; empty (the socket closed) if it is already gone. */
  private static Optional<InetSocketAddress> remoteOf(SocketChannel channel) {
    try {
      return Optional.of((InetSocketAddress) channel.getRemoteAddress());
    } catch (IOException e) {
      LOG.debug("accepted connection failed before start", e);
      Closing.quietly(channel);
      return Optional.empty();
    }
  }

  /** Non-blocking, no Nagle; false (the socket closed) if the socket refuses. */
  private static boolean prepare(SocketChannel channel) {
    try {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      return true;
    } catch (IOException e) {
      LOG.debug("accepted connection failed before start", e);
      Closing.quietly(channel);
      return false;
    }
  }

  /**
   * The client policy, then the per-address limit: the key of the address's taken place, or empty
   * if either refuses it (counted and reported; the caller closes the connection).
   */
  private Optional<AddressKey> judge(
      InetSocketAddress remote, InetSocketAddress local, ListenerStats here) {
    if (!admits(remote)) {
      here.refused(TransportStats.Refusal.POLICY);
      ctx.notify(e -> e.connectionRefusedByPolicy(local, remote));
      return Optional.empty();
    }
    AddressKey key = AddressKey.of(remote.getAddress());
    if (!ctx.settings().clientLimits().perAddress().tryAcquire(key)) {
      here.refused(TransportStats.Refusal.PER_ADDRESS);
      ctx.notify(e -> e.connectionRefusedByAddressLimit(local, remote));
      return Optional.empty();
    }
    return Optional.of(key);
  }

  /**
   * Takes an accepted client of a ProxyProtocol listener: closes it at once if its source is not
   * trusted to send PROXY headers, or as {@link #admit} at the cap; else hands it to the next loop
   * to read its header ({@link ProxyHeaderStage}). The client policy and the per-address limit wait
   * for the header's address ({@link #admitCarried}). The connection slot is taken here, as for any
   * client: a connection reading its header holds a socket like any other, and a stalled one is
   * among the handshakes that shedding may close for a newcomer.
   */
  void admitProxied(
      SocketChannel channel,
      ListenerSettings listener,
      InetSocketAddress local,
      EventLoop here,
      int index) {
    Optional<InetSocketAddress> remote = remoteOf(channel);
    if (remote.isEmpty()) {
      return;
    }
    if (!trustsProxy(remote.get())) {
      Closing.quietly(channel); // the spec's "only trusted proxies": closed before any byte
      ctx.stats(here, index).refused(TransportStats.Refusal.PROXY_UNTRUSTED);
      ctx.notify(e -> e.proxyHeaderUntrusted(local, remote.get()));
      return;
    }
    if (!ctx.takeSlot(local, ctx.stats(here, index))) {
      Closing.quietly(channel);
      return;
    }
    ClientInfo source = new ClientInfo(remote.get(), listener);
    EventLoop loop = ctx.nextLoop();
    Shedding.Ticket ticket = ctx.enterShedding(source, loop);
    if (!prepare(channel)) {
      ctx.releaseSlot(ticket);
      return;
    }
    if (!loop.tryExecute(
        () -> ProxyHeaderStage.start(ctx, loop, channel, source, local, index, ticket))) {
      Closing.quietly(channel);
      ctx.releaseSlot(ticket);
    }
  }

  /**
   * Judges the address a PROXY header carried as {@link #admit} judges a socket's: client policy,
   * then the per-address limit. Returns what the connection holds from now on, or empty if it is
   * refused (reported; the caller closes it and gives the slot back).
   */
  Optional<Admission> admitCarried(
      ClientInfo client,
      InetSocketAddress local,
      int index,
      Shedding.Ticket ticket,
      EventLoop here) {
    Optional<AddressKey> key = judge(client.remote(), local, ctx.stats(here, index));
    if (key.isEmpty()) {
      return Optional.empty();
    }
    ticket.carried(client);
    ctx.stats(here, index).accepted();
    return Optional.of(new Admission(ctx, key.get(), ticket, index, local));
  }

  private boolean trustsProxy(InetSocketAddress remote) {
    try {
      return ctx.settings().proxyProtocolFrom().admits(remote.getAddress());
    } catch (RuntimeException e) {
      LOG.debug("PROXY source policy failed; refusing the source", e);
      return false;
    }
  }

  private boolean admits(InetSocketAddress remote) {
    try {
      return ctx.settings().clientPolicy().admits(remote.getAddress());
    } catch (RuntimeException e) {
      LOG.debug("client policy failed; refusing the client", e);
      return false;
    }
  }
}
