package dev.socksgate.app.auth;

import dev.socksgate.app.auth.AuthEvents.Outcome;
import dev.socksgate.app.auth.VerificationScheduler.Admission;
import dev.socksgate.app.auth.VerificationScheduler.Job;
import dev.socksgate.core.policy.AddressKey;
import dev.socksgate.core.port.TimeSource;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs password checks on a small pool of threads in the order a {@link VerificationScheduler}
 * decides, and wakes it with a timer (on the same pool, one armed at a time) when an address's
 * back-off ends, so that no thread ever sleeps through a delay. Identical attempts (same address,
 * same credentials) waiting at the same time share one check: a browser opening several connections
 * at once costs one key derivation, and so does a flood repeating one guess.
 *
 * <p>The pool's task queue holds at most the scheduler's workers plus one timer: the scheduler
 * bounds everything that waits. Thread-safe; {@link #close} stops the pool and refuses everything
 * still pending.
 */
final class FairVerifier implements AutoCloseable {

  private record Id(AddressKey key, ByteBuffer credentials) {}

  private static final class Pending {
    final Id id;
    final BooleanSupplier check;
    final CompletableFuture<Boolean> result = new CompletableFuture<>();
    int attempts = 1;

    Pending(Id id, BooleanSupplier check) {
      this.id = id;
      this.check = check;
    }
  }

  private final Object lock = new Object();
  private final TimeSource time;
  private final AuthEvents events;
  private final ScheduledThreadPoolExecutor pool;
  private final VerificationScheduler<Pending> scheduler; // guarded by lock
  private final Map<Id, Pending> pending = new HashMap<>(); // guarded by lock; queued or running
  private @Nullable ScheduledFuture<?> wake; // guarded by lock
  private long wakeAt; // guarded by lock
  private boolean closed; // guarded by lock

  /**
   * Creates the verifier.
   *
   * @param threads the verification threads
   * @param queueLimit most attempts waiting, all addresses together
   * @param time the clock the back-off is measured with
   * @param events told how every attempt ends
   */
  FairVerifier(int threads, int queueLimit, TimeSource time, AuthEvents events) {
    this.time = time;
    this.events = events;
    this.scheduler = new VerificationScheduler<>(threads, queueLimit, new FailureBackOff());
    this.pool =
        new ScheduledThreadPoolExecutor(
            threads,
            r -> {
              Thread t = new Thread(r, "socksgate-auth");
              t.setDaemon(true);
              return t;
            });
    this.pool.setKeepAliveTime(30, TimeUnit.SECONDS);
    this.pool.allowCoreThreadTimeOut(true);
    this.pool.setRemoveOnCancelPolicy(true);
  }

  /**
   * Runs {@code check} (a blocking key derivation) for an attempt from {@code client} when its turn
   * comes, or refuses at once without running it when the client has too many attempts pending or
   * the queue is full. {@code credentials} identifies the attempt (a digest): an attempt identical
   * to one still pending from the same address gets that one's answer.
   */
  CompletionStage<Boolean> submit(
      InetAddress client, ByteBuffer credentials, BooleanSupplier check) {
    Id id = new Id(AddressKey.of(client), credentials);
    Pending p;
    boolean queued;
    synchronized (lock) {
      Pending same = pending.get(id);
      if (same != null) {
        same.attempts++;
        return same.result;
      }
      p = new Pending(id, check);
      queued = !closed && scheduler.offer(id.key(), p) == Admission.QUEUED;
      if (queued) {
        pending.put(id, p);
      }
    }
    if (!queued) {
      events.attempt(Outcome.THROTTLED);
      return CompletableFuture.completedFuture(false);
    }
    drain();
    return p.result;
  }

  /** Starts what the scheduler lets run now, and arms the timer for what it holds back. */
  private void drain() {
    List<Job<Pending>> start = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      long now = time.nanoTime();
      for (Optional<Job<Pending>> j = scheduler.poll(now); j.isPresent(); j = scheduler.poll(now)) {
        start.add(j.get());
      }
      arm(now);
    }
    for (Job<Pending> job : start) {
      try {
        pool.execute(() -> run(job));
      } catch (RejectedExecutionException e) {
        job.task().result.complete(false); // closed meanwhile: close() refuses the rest
      }
    }
  }

  private void arm(long now) {
    OptionalLong at = scheduler.nextWake(now);
    if (at.isEmpty()) {
      return;
    }
    if (wake != null) {
      if (wakeAt - at.getAsLong() <= 0) {
        return; // armed early enough already
      }
      wake.cancel(false);
    }
    wakeAt = at.getAsLong();
    wake =
        pool.schedule(
            () -> {
              synchronized (lock) {
                wake = null;
              }
              drain();
            },
            wakeAt - now,
            TimeUnit.NANOSECONDS);
  }

  private void run(Job<Pending> job) {
    Pending p = job.task();
    boolean ok = false;
    try {
      ok = p.check.getAsBoolean();
    } finally { // a check that throws is a refusal, and its place is given back all the same
      finish(job, ok);
    }
  }

  private void finish(Job<Pending> job, boolean ok) {
    Pending p = job.task();
    int attempts;
    long delay;
    synchronized (lock) {
      pending.remove(p.id);
      attempts = p.attempts;
      delay = closed ? 0 : scheduler.finished(job, ok, time.nanoTime());
    }
    // Counted before anyone hears the answer, so that a count read after an answer includes it.
    for (int i = 0; i < attempts; i++) {
      events.attempt(ok ? Outcome.ACCEPTED : Outcome.REFUSED);
    }
    if (delay > 0) {
      events.backedOff(delay);
    }
    p.result.complete(ok);
    drain();
  }

  @Override
  public void close() {
    List<Pending> left;
    synchronized (lock) {
      closed = true;
      left = new ArrayList<>(pending.values());
      pending.clear();
    }
    pool.shutdownNow();
    for (Pending p : left) {
      p.result.complete(false);
    }
  }
}
