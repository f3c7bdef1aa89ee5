package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.policy.ClientLimits;
import dev.socksgate.core.port.Authenticator;
import dev.socksgate.core.port.ClientPolicy;
import dev.socksgate.core.session.StreamService;
import dev.socksgate.transport.nio.NioExit;
import dev.socksgate.transport.nio.NioServerConfig;
import dev.socksgate.transport.nio.ServerEvents;
import dev.socksgate.transport.nio.TransportStats;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one server's connections share: the use case, the settings, one buffer pool per loop, the
 * connection count (against the cap) and the events hook.
 *
 * <p>Thread-safe: immutable except for the connection count and the drain flag, which are atomic;
 * each buffer pool is touched only by its own loop.
 */
public final class ServerContext {

  private static final Logger LOG = LoggerFactory.getLogger(ServerContext.class);
  // Free buffers a loop keeps for reuse: a few MiB of direct memory at most.
  private static final int POOL_BYTES_PER_LOOP = 4 << 20;

  private final EventLoop[] loops;
  private final BufferPool[] pools;
  private final BufferPool[] bulkPools; // BufferPool.none() where bulk buffers are off
  private final StreamService<NioExit> service;
  private final Settings settings;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger nextLoop = new AtomicInteger();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private volatile boolean draining;
  private final Shedding shedding;
  private final Gate gate;
  private final ListenerStats[][] stats; // [loop][listener]: each loop writes only its own row
  private final InetSocketAddress[] listenerAddresses; // guarded by itself, set as they bind

  /**
   * The settings connections read.
   *
   * @param handshake the handshake options
   * @param authenticator the authenticator, if credentials are verified
   * @param events the events hook
   * @param bufferSize the relay buffer size
   * @param bulkBufferSize the relay buffer size while a direction streams; off unless larger than
   *     {@code bufferSize}
   * @param maxConnections the connection cap
   * @param socksTimeout Tor's SocksTimeout: handshake, then the pending request
   * @param idleTimeout idle relays are closed after this; zero for never
   * @param closeLinger how long a closing connection may take to send EOF back
   * @param io how endpoints read and write ({@link ChannelIo#DIRECT}; tests force partial I/O)
   * @param clientPolicy which client addresses are served at all
   * @param clientLimits live connections per client address and per user
   * @param nanoClock the time handshakes are aged by for shedding ({@code System::nanoTime}; tests
   *     pass a fake clock)
   * @param bandwidth the per-user bandwidth buckets (limits off: no bucket, no cost)
   * @param proxyProtocolFrom the sources trusted to send PROXY headers to a ProxyProtocol listener
   * @param proxyHeaderTimeout how long a PROXY header may take
   */
  public record Settings(
      HandshakeOptions handshake,
      Optional<Authenticator> authenticator,
      ServerEvents events,
      int bufferSize,
      int bulkBufferSize,
      int maxConnections,
      Duration socksTimeout,
      Duration idleTimeout,
      Duration closeLinger,
      ChannelIo io,
      ClientPolicy clientPolicy,
      ClientLimits clientLimits,
      LongSupplier nanoClock,
      BandwidthBuckets bandwidth,
      ClientPolicy proxyProtocolFrom,
      Duration proxyHeaderTimeout) {}

  /** Creates the context of a server running on {@code loops}, with one listener. */
  public ServerContext(EventLoop[] loops, StreamService<NioExit> service, Settings settings) {
    this(loops, service, settings, 1);
  }

  /** Creates the context of a server running on {@code loops}, with {@code listeners}. */
  public ServerContext(
      EventLoop[] loops, StreamService<NioExit> service, Settings settings, int listeners) {
    this.stats = new ListenerStats[loops.length][listeners];
    for (ListenerStats[] row : stats) {
      for (int i = 0; i < listeners; i++) {
        row[i] = new ListenerStats();
      }
    }
    this.listenerAddresses = new InetSocketAddress[listeners];
    this.loops = loops.clone();
    this.service = service;
    this.settings = settings;
    this.shedding = new Shedding(settings.nanoClock());
    this.gate = new Gate(this);
    this.pools = new BufferPool[loops.length];
    this.bulkPools = new BufferPool[loops.length];
    int retained = Math.max(2, POOL_BYTES_PER_LOOP / settings.bufferSize());
    int bulkSize = settings.bulkBufferSize();
    boolean bulk = bulkSize > settings.bufferSize();
    for (int i = 0; i < loops.length; i++) {
      pools[i] = new BufferPool(settings.bufferSize(), retained);
      bulkPools[i] =
          bulk
              ? new BufferPool(
                  bulkSize,
                  Math.max(1, POOL_BYTES_PER_LOOP / bulkSize),
                  Math.max(1, NioServerConfig.BULK_BYTES_PER_LOOP / bulkSize))
              : BufferPool.none();
    }
  }

  StreamService<NioExit> service() {
    return service;
  }

  Settings settings() {
    return settings;
  }

  /** Returns the buffer pool of {@code loop}; use it on that loop only. */
  public BufferPool pool(EventLoop loop) {
    return pools[loop.index()];
  }

  /**
   * Returns the bulk buffer pool of {@code loop}; one that lends nothing if bulk buffers are off.
   */
  public BufferPool bulkPool(EventLoop loop) {
    return bulkPools[loop.index()];
  }

  /**
   * Gives the listener bound at {@code local} its place in the statistics: the first free index
   * (listeners register in configuration order).
   *
   * @throws IllegalStateException if more listeners register than the context was made for
   */
  int registerListener(InetSocketAddress local) {
    synchronized (listenerAddresses) {
      for (int i = 0; i < listenerAddresses.length; i++) {
        if (listenerAddresses[i] == null) {
          listenerAddresses[i] = local;
          return i;
        }
      }
    }
    throw new IllegalStateException("more listeners than " + listenerAddresses.length);
  }

  /** Returns the counters {@code loop} keeps for {@code listener}; use them on that loop only. */
  ListenerStats stats(EventLoop loop, int listener) {
    return stats[loop.index()][listener];
  }

  /** Returns the counters summed over the loops, per registered listener. Any thread. */
  public List<TransportStats.Listener> listenerStats() {
    List<TransportStats.Listener> out = new ArrayList<>();
    for (int i = 0; i < listenerAddresses.length; i++) {
      InetSocketAddress a;
      synchronized (listenerAddresses) {
        a = listenerAddresses[i];
      }
      if (a == null) {
        break;
      }
      List<ListenerStats> parts = new ArrayList<>(loops.length);
      for (ListenerStats[] row : stats) {
        parts.add(row[i]);
      }
      out.add(ListenerStats.merge(a, parts));
    }
    return out;
  }

  /** Returns the current number of client connections. */
  public int connectionCount() {
    return connections.get();
  }

  /**
   * Takes a connection slot under the cap; at the cap, the newcomer takes the slot of the oldest
   * stalled handshake, if there is one. Returns false (and reports the rejection) if there is none.
   */
  boolean takeSlot(InetSocketAddress local, ListenerStats here) {
    if (connections.incrementAndGet() <= settings.maxConnections()) {
      return true;
    }
    connections.decrementAndGet();
    Optional<Shedding.Ticket> shed = shedding.shedOldest();
    if (shed.isEmpty()) {
      here.refused(TransportStats.Refusal.CAP);
      notify(e -> e.connectionRejected(local));
      return false;
    }
    ClientInfo victim = shed.get().info();
    notify(e -> e.handshakeShed(victim));
    return true;
  }

  /** The loop the next connection goes to (round robin). */
  EventLoop nextLoop() {
    return loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)];
  }

  /** Where accepted connections are judged and handed to their loop. */
  Gate gate() {
    return gate;
  }

  /** Starts tracking a handshake, for shedding at the cap. */
  Shedding.Ticket enterShedding(ClientInfo client, EventLoop loop) {
    return shedding.enter(client, loop);
  }

  /** Gives back the slot of a connection that closed before it had an {@link Admission}. */
  void releaseSlot(Shedding.Ticket ticket) {
    if (ticket.close()) {
      release();
    }
  }

  /** Returns the number of handshakes that shedding tracks (for tests). */
  int trackedHandshakes() {
    return shedding.handshakes();
  }

  /** Gives back the connection slot of a closed connection. */
  void release() {
    if (connections.decrementAndGet() == 0 && draining) {
      drained.complete(null);
    }
  }

  /** Starts a graceful stop: {@link #drained()} completes when no connection is left. */
  public void beginDrain() {
    draining = true;
    if (connections.get() == 0) {
      drained.complete(null);
    }
  }

  /** Completes when the last connection closed after {@link #beginDrain()}. */
  public CompletableFuture<Void> drained() {
    return drained;
  }

  /** Calls the events hook; a hook that throws is logged, never allowed to break a connection. */
  void notify(Consumer<ServerEvents> call) {
    try {
      call.accept(settings.events());
    } catch (RuntimeException e) {
      LOG.warn("ServerEvents hook threw", e);
    }
  }
}
