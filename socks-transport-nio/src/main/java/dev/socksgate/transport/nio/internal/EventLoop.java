package dev.socksgate.transport.nio.internal;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event-loop thread and the {@link Selector} it owns (Jetty {@code ManagedSelector}, Redis
 * {@code ae.c}). Only this thread touches the selector's keys, the channels registered with it and
 * the state attached to them; other threads hand it work with {@link #execute(Runnable)}: a queue
 * plus a {@code wakeup()} only when the loop may be blocked in {@code select}. Timers live in a
 * {@link DeadlineQueue} whose earliest deadline sets the select timeout: no timer threads, no
 * polling.
 *
 * <p>The task queue is not bounded by a capacity, but by construction: each connection has at most
 * one port callback in flight, and the acceptor hands over at most one task per admitted connection
 * (admission is capped), so the queue holds O(max connections) tasks at worst.
 */
public final class EventLoop implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
  private static final int MAX_TASKS_PER_ITERATION = 4096;

  private final int index;
  private final Selector selector;
  private final Thread thread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakeupNeeded = new AtomicBoolean();
  private final DeadlineQueue deadlines = new DeadlineQueue();
  private final List<Endpoint> dirty = new ArrayList<>();
  private final Consumer<SelectionKey> dispatcher = this::dispatch;
  private final Object lifecycle = new Object();
  private final CompletableFuture<Void> termination = new CompletableFuture<>();
  private boolean acceptingTasks = true; // guarded by lifecycle
  private volatile boolean stopRequested;
  private long now = System.nanoTime();
  // [0] select calls that returned, [1] tasks run: written by the loop thread only.
  private final StatCells work = new StatCells(2);

  private EventLoop(int index, String name, Selector selector) {
    this.index = index;
    this.selector = selector;
    this.thread = new Thread(this::run, name);
  }

  /** Opens the selector of a loop; {@link #start()} starts its thread. */
  public static EventLoop open(int index, String threadName) throws IOException {
    return new EventLoop(index, threadName, Selector.open());
  }

  /** Starts the loop thread. */
  public void start() {
    thread.start();
  }

  /** Returns this loop's position in its transport, from 0. */
  public int index() {
    return index;
  }

  /** Returns true if the calling thread is this loop's thread. */
  public boolean inEventLoop() {
    return Thread.currentThread() == thread;
  }

  /**
   * Runs {@code task} on the loop thread, later (never inline, even from the loop thread itself).
   *
   * @throws RejectedExecutionException once the loop has stopped
   */
  @Override
  public void execute(Runnable task) {
    if (!tryExecute(task)) {
      throw new RejectedExecutionException("event loop stopped");
    }
  }

  /**
   * Like {@link #execute} but returns false instead of throwing once the loop has stopped; the
   * caller then releases whatever the task would have released. Callable from any thread.
   */
  public boolean tryExecute(Runnable task) {
    synchronized (lifecycle) {
      if (!acceptingTasks) {
        return false;
      }
      tasks.add(task);
    }
    if (!inEventLoop() && wakeupNeeded.compareAndSet(true, false)) {
      selector.wakeup();
    }
    return true;
  }

  /** Returns the loop's clock (System.nanoTime), read once per iteration. */
  public long now() {
    return now;
  }

  /** Schedules (or moves) {@code d} to expire {@code delayNanos} from now. */
  public void schedule(Deadline d, long delayNanos) {
    assert inEventLoop();
    deadlines.schedule(d, now + delayNanos);
  }

  /** Cancels {@code d} if it is scheduled. */
  public void cancel(Deadline d) {
    assert inEventLoop();
    deadlines.cancel(d);
  }

  /** Returns the selector; for registering channels on the loop thread. */
  public Selector selector() {
    return selector;
  }

  /**
   * Finishes closing the channels closed on this loop since its last select. The JDK closes a
   * registered channel's socket only when the selector deregisters its key, in a selection
   * operation; until then a listening socket still completes connections into its backlog. This
   * selects without blocking and without dispatching: the readiness it sees is not lost, since the
   * JDK's selectors are level-triggered and report it again at the loop's next select. Loop thread
   * only.
   */
  public void deregisterCancelled() {
    assert inEventLoop();
    if (!selector.isOpen()) {
      return; // closing the selector closed its channels
    }
    try {
      selector.selectNow(key -> {});
    } catch (IOException e) {
      LOG.warn("Select failed on {}; deferred closes wait for the next", thread.getName(), e);
    }
  }

  /** Queues an endpoint whose desired interest differs from the applied one. */
  void markDirty(Endpoint e) {
    assert inEventLoop();
    dirty.add(e);
  }

  /** Calls {@link Selectable#onStop} on everything registered with this loop. Loop thread only. */
  public void stopSelectables(boolean graceful) {
    assert inEventLoop();
    for (SelectionKey key : new ArrayList<>(selector.keys())) {
      if (key.attachment() instanceof Selectable s) {
        guarded(() -> s.onStop(graceful));
      }
    }
  }

  /**
   * Closes every connection on this loop authenticated as a user {@code revoked} accepts (relays,
   * and connections still opening their stream); returns how many. Loop thread only. Bounded by the
   * selector's keys, which the connection cap bounds.
   */
  public int closeRevoked(Predicate<String> revoked) {
    assert inEventLoop();
    int closed = 0;
    for (SelectionKey key : new ArrayList<>(selector.keys())) {
      if (key.attachment() instanceof Endpoint e && e.closeIfRevoked(revoked)) {
        closed++; // a relay's two endpoints share one owner, which answers true once
      }
    }
    return closed;
  }

  /** Asks the loop to end: it closes every channel registered with it, then its selector. */
  public void shutdown() {
    stopRequested = true;
    selector.wakeup();
  }

  /** Completes when the loop thread has closed everything and is about to end. */
  public CompletableFuture<Void> termination() {
    return termination;
  }

  /** Waits for the loop thread to end. */
  public void join() throws InterruptedException {
    thread.join();
  }

  private void run() {
    try {
      while (!stopRequested) {
        iterate();
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("Event loop {} failed; closing its connections", thread.getName(), e);
    } finally {
      terminate();
    }
  }

  private void iterate() throws IOException {
    now = System.nanoTime();
    long waitNanos = deadlines.nanosUntilNext(now);
    wakeupNeeded.set(true);
    if (!tasks.isEmpty() || waitNanos == 0 || stopRequested) {
      selector.selectNow(dispatcher);
    } else if (waitNanos < 0) {
      selector.select(dispatcher);
    } else {
      // select(.., 0) would block forever: round up to at least one millisecond.
      long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
      selector.select(dispatcher, millis);
    }
    wakeupNeeded.set(false);
    work.increment(0);
    now = System.nanoTime();
    runDeadlines();
    runTasks(MAX_TASKS_PER_ITERATION);
    applyInterest();
  }

  private void dispatch(SelectionKey key) {
    // A handler may have closed another channel that is ready in this same select: skip it.
    if (key.isValid() && key.attachment() instanceof Selectable s) {
      try {
        s.onReady(key.readyOps());
      } catch (RuntimeException e) {
        LOG.warn("Handler failed on {}; closing it", thread.getName(), e);
        guarded(() -> s.onStop(false));
      }
    }
  }

  private void runDeadlines() {
    while (true) {
      try {
        deadlines.runExpired(now);
        return;
      } catch (RuntimeException e) {
        LOG.warn("Timer action failed on {}", thread.getName(), e);
      }
    }
  }

  private void runTasks(int max) {
    int i = 0;
    for (; i < max; i++) {
      Runnable task = tasks.poll();
      if (task == null) {
        break;
      }
      guarded(task);
    }
    if (i > 0) {
      work.add(1, i); // once per batch
    }
  }

  /** Returns how many times a select returned on this loop. Any thread. */
  public long wakeups() {
    return work.get(0);
  }

  /** Returns how many queued tasks this loop ran. Any thread. */
  public long tasksRun() {
    return work.get(1);
  }

  private void applyInterest() {
    for (int i = 0; i < dirty.size(); i++) {
      dirty.get(i).applyInterest();
    }
    dirty.clear();
  }

  private void guarded(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("Task failed on {}", thread.getName(), e);
    }
  }

  private void terminate() {
    synchronized (lifecycle) {
      acceptingTasks = false;
    }
    // Tasks queued before the gate closed still run: they may carry resources to release.
    runTasks(Integer.MAX_VALUE);
    stopSelectables(false);
    for (SelectionKey key : selector.keys()) {
      Closing.quietly(key.channel());
    }
    Closing.quietly(selector);
    termination.complete(null);
  }
}
