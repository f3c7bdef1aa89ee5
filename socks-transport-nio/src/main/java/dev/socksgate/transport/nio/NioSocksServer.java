package dev.socksgate.transport.nio;

import dev.socksgate.core.session.StreamService;
import dev.socksgate.transport.nio.internal.Acceptor;
import dev.socksgate.transport.nio.internal.BandwidthBuckets;
import dev.socksgate.transport.nio.internal.BufferPool;
import dev.socksgate.transport.nio.internal.ChannelIo;
import dev.socksgate.transport.nio.internal.Closing;
import dev.socksgate.transport.nio.internal.EventLoop;
import dev.socksgate.transport.nio.internal.ServerContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SOCKS server: listeners on a {@link NioTransport}'s loops, each client's handshake through
 * the core's engine, each request through the core's use case ({@code StreamService<NioExit>}), and
 * the relay. Build the transport first, then the exit connector and the use case on it, then this.
 *
 * <p>Lifecycle: {@link #start()} once (starts the transport, binds every listener), {@link
 * #stop(Duration)} once; a stopped server cannot be restarted. Thread-safe.
 */
public final class NioSocksServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NioSocksServer.class);
  private static final long CONTROL_WAIT_SECONDS = 10;

  private enum State {
    NEW,
    RUNNING,
    STOPPED
  }

  private final NioTransport transport;
  private final StreamService<NioExit> service;
  private final NioServerConfig config;
  private final List<Acceptor> acceptors = new ArrayList<>();
  private final List<InetSocketAddress> bound = new ArrayList<>();
  private State state = State.NEW; // guarded by this
  private final BandwidthBuckets bandwidth;
  private @Nullable ServerContext ctx; // set by start
  private ChannelIo io = ChannelIo.DIRECT; // the transport's tests force partial I/O with it
  private LongSupplier nanoClock = System::nanoTime; // the transport's tests age handshakes with it

  /**
   * Creates a server (nothing is opened until {@link #start()}).
   *
   * @throws IllegalStateException if {@code transport} already carries a server
   */
  public NioSocksServer(
      NioTransport transport, StreamService<NioExit> service, NioServerConfig config) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.service = Objects.requireNonNull(service, "service");
    this.config = Objects.requireNonNull(config, "config");
    this.bandwidth =
        new BandwidthBuckets(
            new BandwidthBuckets.Limits(config.bandwidthRate(), config.effectiveBandwidthBurst()),
            System::nanoTime);
    transport.claim();
  }

  /**
   * Changes the per-user bandwidth limit (a reload): running relays use the new rate and burst from
   * their next read, and a rate of 0 frees them; a limit turned on where it was off applies to the
   * relays opened after this call. The same ranges as {@link NioServerConfig.Builder#bandwidth}.
   *
   * @param rate bytes per second per user, 0 for none
   * @param burst the bucket size in bytes, 0 for the rate
   * @throws IllegalArgumentException if either is out of range
   */
  public void bandwidth(long rate, long burst) {
    long max = NioServerConfig.MAX_BANDWIDTH;
    if (rate < 0 || rate > max || burst < 0 || burst > max) {
      throw new IllegalArgumentException("bandwidth out of range: " + rate + ", " + burst);
    }
    bandwidth.limits(rate, burst == 0 ? rate : burst);
  }

  /**
   * Starts the transport and binds every listener. On failure, whatever was bound is closed and the
   * server is stopped.
   *
   * @throws IOException if a listener cannot be bound
   * @throws IllegalStateException if the server was started before
   */
  public synchronized void start() throws IOException {
    if (state != State.NEW) {
      throw new IllegalStateException("server already " + state);
    }
    state = State.RUNNING;
    try {
      transport.start();
      EventLoop[] loops = transport.loops();
      ServerContext c =
          new ServerContext(
              loops,
              service,
              new ServerContext.Settings(
                  config.handshake(),
                  config.authenticator(),
                  config.events(),
                  config.bufferSize(),
                  config.bulkBufferSize(),
                  config.maxConnections(),
                  config.socksTimeout(),
                  config.idleTimeout(),
                  config.closeLinger(),
                  io,
                  config.clientPolicy(),
                  config.clientLimits(),
                  nanoClock,
                  bandwidth,
                  config.proxyProtocolFrom(),
                  config.proxyHeaderTimeout()),
              config.listeners().size());
      ctx = c;
      for (int i = 0; i < config.listeners().size(); i++) {
        bind(loops[i % loops.length], config.listeners().get(i), c);
      }
    } catch (IOException | RuntimeException e) {
      stop(Duration.ZERO);
      throw e;
    }
  }

  private void bind(EventLoop loop, ListenerConfig listener, ServerContext ctx) throws IOException {
    ServerSocketChannel ch =
        ServerSocketChannel.open(
            listener.bind().getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET);
    try {
      ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      ch.bind(listener.bind(), config.backlog());
      ch.configureBlocking(false);
      CompletableFuture<Acceptor> registered = new CompletableFuture<>();
      loop.execute(
          () -> {
            try {
              registered.complete(Acceptor.register(loop, ch, listener, ctx));
            } catch (IOException | RuntimeException e) {
              registered.completeExceptionally(e);
            }
          });
      acceptors.add(await(registered));
      InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
      bound.add(local);
      LOG.debug("SOCKS listener on {}", local);
    } catch (IOException | RuntimeException e) {
      Closing.quietly(ch);
      throw e;
    }
  }

  /** Returns the bound listener addresses, in configuration order (port 0 resolved). */
  public synchronized List<InetSocketAddress> boundAddresses() {
    return List.copyOf(bound);
  }

  /** Returns the number of client connections open now. */
  public int connectionCount() {
    ServerContext c;
    synchronized (this) {
      c = ctx;
    }
    return c == null ? 0 : c.connectionCount();
  }

  /**
   * Returns what the server counted so far, summed over the loops now ({@link TransportStats});
   * empty lists before {@link #start()}. Any thread; takes no lock the event loops take, and never
   * waits for them.
   */
  public TransportStats stats() {
    ServerContext c;
    synchronized (this) {
      c = ctx;
    }
    if (c == null) {
      return new TransportStats(List.of(), List.of());
    }
    EventLoop[] loops = transport.loops();
    List<TransportStats.Loop> perLoop = new ArrayList<>(loops.length);
    for (EventLoop loop : loops) {
      BufferPool pool = c.pool(loop);
      BufferPool bulk = c.bulkPool(loop);
      perLoop.add(
          new TransportStats.Loop(
              loop.index(),
              loop.tasksRun(),
              loop.wakeups(),
              pool.publishedInUse() + bulk.publishedInUse(),
              pool.publishedFree() + bulk.publishedFree(),
              bulk.publishedInUse()));
    }
    return new TransportStats(c.listenerStats(), perLoop);
  }

  /**
   * Closes, on every loop, the connections authenticated (RFC 1929) as a user {@code revoked}
   * accepts: their relays, and those still opening a stream; every other connection carries on.
   * Meant for a reload that removed users or changed their passwords. The name given to {@code
   * revoked} is the UNAME bytes, one char per byte (ISO-8859-1), so that any byte string maps to
   * exactly one name; it is called on the loop threads and must be thread-safe and fast.
   *
   * <p>Completes with how many connections were closed (0 if the server is not running). A
   * connection that authenticates after this call is not affected: refuse it in the authenticator
   * first.
   */
  public CompletionStage<Integer> closeConnectionsOf(Predicate<String> revoked) {
    Objects.requireNonNull(revoked, "revoked");
    synchronized (this) {
      if (state != State.RUNNING || ctx == null) {
        return CompletableFuture.completedFuture(0);
      }
    }
    CompletableFuture<Integer> sum = CompletableFuture.completedFuture(0);
    for (EventLoop loop : transport.loops()) {
      CompletableFuture<Integer> one = new CompletableFuture<>();
      if (!loop.tryExecute(
          () -> {
            try {
              one.complete(loop.closeRevoked(revoked));
            } catch (RuntimeException e) {
              one.completeExceptionally(e);
            }
          })) {
        one.complete(0); // the loop has stopped, which closed everything on it
      }
      sum = sum.thenCombine(one, Integer::sum);
    }
    return sum;
  }

  /**
   * Stops the server: closes the listeners, closes every connection that is not relaying, lets the
   * relays finish for up to {@code grace}, closes whatever is left, then stops the transport.
   * Returns when every loop thread has ended. Idempotent.
   *
   * @throws IllegalStateException if called on an event-loop thread (it would wait for itself)
   */
  public void stop(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    transport.checkNotOnLoop();
    ServerContext c;
    synchronized (this) {
      if (state == State.STOPPED) {
        return;
      }
      state = State.STOPPED;
      c = ctx;
    }
    long deadline = System.nanoTime() + Math.max(0, grace.toNanos());
    if (c != null) {
      List<CompletableFuture<Void>> closing = new ArrayList<>();
      for (Acceptor a : acceptors) {
        closing.add(onLoop(a.loop(), a::close));
      }
      awaitQuietly(closing);
      c.beginDrain();
      closing.clear();
      for (EventLoop loop : transport.loops()) {
        closing.add(onLoop(loop, () -> loop.stopSelectables(true)));
      }
      awaitQuietly(closing);
      try {
        c.drained().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        LOG.debug("grace period over with {} connections open", c.connectionCount());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }
    transport.close();
    LOG.debug("SOCKS server stopped");
  }

  /** Stops at once: {@code stop(Duration.ZERO)}. */
  @Override
  public void close() {
    stop(Duration.ZERO);
  }

  /** Sets how endpoints read and write, before {@link #start()}: the transport tests' seam. */
  synchronized void channelIo(ChannelIo io) {
    this.io = io;
  }

  /**
   * Sets the clock that ages handshakes for shedding, before {@link #start()}: the transport tests'
   * seam (a fake clock makes the grace deterministic).
   */
  synchronized void nanoClock(LongSupplier clock) {
    this.nanoClock = clock;
  }

  /**
   * The relay buffers summed over the loops, for the transport's own tests: see {@link
   * BufferStats}.
   */
  BufferStats bufferStats() throws IOException {
    ServerContext c;
    synchronized (this) {
      c = Objects.requireNonNull(ctx, "not started");
    }
    BufferStats sum = BufferStats.NONE;
    for (EventLoop loop : transport.loops()) {
      CompletableFuture<BufferStats> f = new CompletableFuture<>();
      loop.execute(() -> f.complete(BufferStats.of(c.pool(loop), c.bulkPool(loop))));
      sum = sum.plus(await(f));
    }
    return sum;
  }

  private static CompletableFuture<Void> onLoop(EventLoop loop, Runnable action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!loop.tryExecute(
        () -> {
          try {
            action.run();
          } finally {
            done.complete(null);
          }
        })) {
      done.complete(null); // the loop has stopped, which closed everything on it
    }
    return done;
  }

  private static void awaitQuietly(List<CompletableFuture<Void>> futures) {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(CONTROL_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("An event loop did not answer while stopping", e);
    }
  }

  private static <T> T await(CompletableFuture<T> f) throws IOException {
    try {
      return f.get(CONTROL_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for an event loop");
    } catch (TimeoutException e) {
      throw new IOException("an event loop did not answer", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
