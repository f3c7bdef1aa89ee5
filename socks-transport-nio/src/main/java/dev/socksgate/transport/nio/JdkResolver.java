package dev.socksgate.transport.nio;

import dev.socksgate.core.model.HostNames;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.port.Resolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Resolver} over the JDK's blocking lookups ({@link InetAddress#getAllByName} forward,
 * {@link InetAddress#getCanonicalHostName} reverse), run on its own small executor: a fixed number
 * of daemon threads ({@code socksgate-resolver-N}) and a bounded queue. When the queue is full a
 * lookup completes exceptionally at once ("no answer", by the port's contract): the caller never
 * blocks, and never waits behind an unbounded backlog. Stages complete on a resolver thread; the
 * server hands the results back to its loops.
 *
 * <p>A reverse lookup that finds no name is reported as empty, never as the address literal that
 * {@code getCanonicalHostName} falls back to. The lookup functions are injectable, so that tests
 * never touch real DNS. The isolation key is ignored: local lookups share nothing per stream.
 *
 * <p>Thread-safe. {@link #close()} stops the threads.
 */
public final class JdkResolver implements Resolver, AutoCloseable {

  /** A blocking forward lookup. */
  @FunctionalInterface
  public interface ForwardLookup {
    /**
     * Returns the addresses of {@code name}.
     *
     * @throws UnknownHostException if it has none
     */
    InetAddress[] lookup(String name) throws UnknownHostException;
  }

  /** A blocking reverse lookup. */
  @FunctionalInterface
  public interface ReverseLookup {
    /** Returns the name of {@code address}, or empty if it has none. */
    Optional<String> lookup(InetAddress address);
  }

  /** The system's forward lookup: {@link InetAddress#getAllByName}. */
  public static final ForwardLookup SYSTEM_FORWARD = InetAddress::getAllByName;

  /** The system's reverse lookup: {@link InetAddress#getCanonicalHostName}, literal → empty. */
  public static final ReverseLookup SYSTEM_REVERSE = JdkResolver::systemReverse;

  private static final AtomicInteger POOL_IDS = new AtomicInteger();

  private final ForwardLookup forward;
  private final ReverseLookup reverse;
  private final ThreadPoolExecutor executor;

  /** Creates a resolver over the system's lookups. */
  public JdkResolver(int threads, int queueCapacity) {
    this(threads, queueCapacity, SYSTEM_FORWARD, SYSTEM_REVERSE);
  }

  /**
   * Creates a resolver over the given lookups.
   *
   * @param threads lookups running at once, 1 to 256
   * @param queueCapacity lookups waiting at most, 1 or more
   */
  public JdkResolver(int threads, int queueCapacity, ForwardLookup forward, ReverseLookup reverse) {
    if (threads < 1 || threads > 256 || queueCapacity < 1) {
      throw new IllegalArgumentException("threads must be 1 to 256 and queueCapacity positive");
    }
    this.forward = Objects.requireNonNull(forward, "forward");
    this.reverse = Objects.requireNonNull(reverse, "reverse");
    int pool = POOL_IDS.incrementAndGet();
    AtomicInteger ids = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            r -> {
              Thread t = new Thread(r, "socksgate-resolver-" + pool + "-" + ids.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public CompletionStage<List<InetAddress>> resolve(String name, IsolationKey key) {
    Objects.requireNonNull(name, "name");
    CompletableFuture<List<InetAddress>> result = new CompletableFuture<>();
    submit(
        result,
        () -> {
          try {
            result.complete(List.of(forward.lookup(name)));
          } catch (UnknownHostException e) {
            result.complete(List.of());
          }
        });
    return result;
  }

  @Override
  public CompletionStage<Optional<String>> reverse(InetAddress address, IsolationKey key) {
    Objects.requireNonNull(address, "address");
    CompletableFuture<Optional<String>> result = new CompletableFuture<>();
    submit(
        result,
        () -> result.complete(reverse.lookup(address).filter(name -> !isLiteral(name, address))));
    return result;
  }

  /** Stops the lookup threads; pending lookups complete exceptionally. */
  /** Returns the lookups waiting for a thread now (for metrics). Any thread. */
  public int queueDepth() {
    return executor.getQueue().size();
  }

  @Override
  public void close() {
    for (Runnable r : executor.shutdownNow()) {
      if (r instanceof Lookup l) {
        l.result.completeExceptionally(new RejectedExecutionException("resolver closed"));
      }
    }
  }

  private void submit(CompletableFuture<?> result, Runnable work) {
    try {
      executor.execute(new Lookup(result, work));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e); // queue full or closed: answer now, never block
    }
  }

  private static Optional<String> systemReverse(InetAddress address) {
    try {
      // A fresh instance: an address that carries a host name would return it unverified.
      InetAddress bare = InetAddress.getByAddress(address.getAddress());
      return Optional.of(bare.getCanonicalHostName());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static boolean isLiteral(String name, InetAddress address) {
    return name.isEmpty()
        || name.equals(address.getHostAddress())
        || HostNames.parseLiteral(name).isPresent();
  }

  /** A lookup with the stage it completes, so that close() can fail what never ran. */
  private record Lookup(CompletableFuture<?> result, Runnable work) implements Runnable {
    @Override
    public void run() {
      try {
        work.run();
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }
  }
}
