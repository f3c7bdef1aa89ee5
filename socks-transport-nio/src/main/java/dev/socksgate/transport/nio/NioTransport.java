package dev.socksgate.transport.nio;

import dev.socksgate.transport.nio.internal.EventLoop;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The event loops: a fixed number of threads, each owning one selector and everything registered
 * with it. Created first, without side effects; the exit connector and the server are built on it.
 * {@link #start()} opens the selectors and starts the threads ({@link NioSocksServer#start()} calls
 * it); {@link #close()} ends them.
 *
 * <p>One transport carries one server: {@link NioSocksServer#stop} closes everything on the loops
 * and then the transport itself. Thread-safe.
 */
public final class NioTransport implements AutoCloseable {

  /** The most event loops one transport runs. */
  public static final int MAX_LOOPS = 1024;

  private final int loopCount;
  private final AtomicInteger next = new AtomicInteger();
  private volatile EventLoop @Nullable [] loops; // set by start
  private boolean closed; // guarded by this
  private boolean claimed; // guarded by this

  /**
   * Creates a transport with {@code loopCount} event loops (not started).
   *
   * @throws IllegalArgumentException if {@code loopCount} is not between 1 and 1024
   */
  public NioTransport(int loopCount) {
    if (loopCount < 1 || loopCount > MAX_LOOPS) {
      throw new IllegalArgumentException("loopCount must be 1 to " + MAX_LOOPS + ": " + loopCount);
    }
    this.loopCount = loopCount;
  }

  /** Creates a transport with one loop per available processor. */
  public static NioTransport withDefaultLoops() {
    return new NioTransport(defaultLoopCount());
  }

  /** Returns the default number of loops: the number of available processors. */
  public static int defaultLoopCount() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Returns the number of loops. */
  public int loopCount() {
    return loopCount;
  }

  /**
   * Opens the selectors and starts the loop threads ({@code socksgate-loop-N}). Idempotent.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public synchronized void start() throws IOException {
    if (closed) {
      throw new IllegalStateException("transport closed");
    }
    if (loops != null) {
      return;
    }
    EventLoop[] opened = new EventLoop[loopCount];
    try {
      for (int i = 0; i < loopCount; i++) {
        opened[i] = EventLoop.open(i, "socksgate-loop-" + i);
      }
    } catch (IOException e) {
      for (EventLoop l : opened) {
        if (l != null) {
          l.shutdown();
        }
      }
      throw e;
    }
    for (EventLoop l : opened) {
      l.start();
    }
    loops = opened;
  }

  /** Returns true between {@link #start()} and {@link #close()}. */
  public synchronized boolean isRunning() {
    return loops != null && !closed;
  }

  /**
   * Stops every loop, closing whatever is still registered with it, and returns when every loop
   * thread has ended. Idempotent. Prefer {@link NioSocksServer#stop} when a server runs here.
   *
   * @throws IllegalStateException if called on one of the loop threads (it would wait for itself)
   */
  @Override
  public void close() {
    checkNotOnLoop();
    EventLoop[] toStop;
    synchronized (this) {
      closed = true;
      toStop = loops;
    }
    if (toStop == null) {
      return;
    }
    for (EventLoop l : toStop) {
      l.shutdown();
    }
    boolean interrupted = false;
    for (EventLoop l : toStop) {
      while (true) {
        try {
          l.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // finish joining: the loops end promptly once asked
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Throws if the caller is one of this transport's loop threads. */
  void checkNotOnLoop() {
    EventLoop[] l = loops;
    if (l != null) {
      for (EventLoop loop : l) {
        if (loop.inEventLoop()) {
          throw new IllegalStateException("cannot stop the transport from its own event loop");
        }
      }
    }
  }

  synchronized void claim() {
    if (claimed) {
      throw new IllegalStateException("a transport carries one server");
    }
    claimed = true;
  }

  /** Returns the started loops. */
  EventLoop[] loops() {
    EventLoop[] l = loops;
    if (l == null) {
      throw new IllegalStateException("transport not started");
    }
    return l;
  }

  /** Returns the calling loop thread's loop, or the next loop by round robin from elsewhere. */
  EventLoop currentOrNext() {
    EventLoop[] l = loops();
    for (EventLoop loop : l) {
      if (loop.inEventLoop()) {
        return loop;
      }
    }
    return l[Math.floorMod(next.getAndIncrement(), l.length)];
  }
}
