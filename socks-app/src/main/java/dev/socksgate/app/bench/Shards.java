package dev.socksgate.app.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The generator's threads: each shard is one reactor with its own origin, and traffic started on a
 * shard stays on it (its tunnels lead to its own origin), so shards share nothing while a phase
 * runs. A phase runs on every shard at once, one thread per shard (the calling thread when there is
 * one shard), and ends when every shard's condition holds or the deadline passes.
 */
final class Shards implements AutoCloseable {

  /** One generator thread's reactor and origin. */
  static final class Shard {
    final int index;
    final Reactor reactor;
    private @Nullable Origin origin; // set once, by startOrigins

    Shard(int index, Reactor reactor) {
      this.index = index;
      this.reactor = reactor;
    }

    /** Returns this shard's origin; {@link Shards#startOrigins} must have run. */
    Origin origin() {
      return Objects.requireNonNull(origin, "origin: startOrigins has not run");
    }
  }

  // Bulk reads go through this buffer: large reads mean few system calls per byte.
  private static final int SCRATCH = 256 * 1024;

  private final List<Shard> shards = new ArrayList<>();

  Shards(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      shards.add(new Shard(i, new Reactor(SCRATCH)));
    }
  }

  /** Returns the shards, in order. */
  List<Shard> all() {
    return shards;
  }

  /** Starts an origin on every shard, whose connections get handlers from {@code peers}. */
  void startOrigins(BiFunction<Shard, java.nio.channels.SocketChannel, Reactor.Handler> peers)
      throws IOException {
    for (Shard s : shards) {
      s.origin = Origin.start(s.reactor, c -> peers.apply(s, c));
    }
  }

  /**
   * Runs one phase: {@code setup} on each shard's thread, then its reactor until the condition
   * {@code setup} returned holds.
   *
   * @return true if every shard finished before {@code deadlineNanos}
   */
  boolean phase(Function<Shard, BooleanSupplier> setup, long deadlineNanos)
      throws IOException, InterruptedException {
    if (shards.size() == 1) {
      Shard s = shards.get(0);
      return s.reactor.runUntil(setup.apply(s), deadlineNanos);
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    boolean[] done = new boolean[shards.size()];
    List<Thread> threads = new ArrayList<>();
    for (Shard s : shards) {
      Thread t =
          new Thread(
              () -> {
                try {
                  done[s.index] = s.reactor.runUntil(setup.apply(s), deadlineNanos);
                } catch (IOException | RuntimeException e) {
                  failure.compareAndSet(null, e);
                }
              },
              "bench-" + s.index);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    Throwable f = failure.get();
    if (f instanceof IOException io) {
      throw io;
    } else if (f != null) {
      throw (RuntimeException) f;
    }
    boolean all = true;
    for (boolean d : done) {
      all &= d;
    }
    return all;
  }

  @Override
  public void close() {
    for (Shard s : shards) {
      s.reactor.close();
    }
  }
}
