package dev.socksgate.app.auth;

import dev.socksgate.core.policy.AddressKey;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides which password verification runs next, so that one client address cannot keep the others
 * waiting: addresses ({@link AddressKey}: an IPv4 address, an IPv6 /64) take turns, each runs its
 * own attempts first come first served, an address has at most {@value #PER_ADDRESS_LIMIT} attempts
 * waiting or running, all addresses together at most a queue limit waiting, and an address in
 * {@link FailureBackOff} runs one attempt at a time, each no earlier than its back-off allows.
 *
 * <p>Sans-IO: no threads and no clock. The caller offers attempts, polls for the next one to run
 * whenever a worker may be free, reports each finished one, and arms a timer for {@link #nextWake}.
 * Not thread-safe; {@link FairVerifier} calls it under its lock.
 *
 * @param <T> what an attempt carries
 */
final class VerificationScheduler<T> {

  /**
   * Most attempts waiting or running per address. A client needs one verification per distinct
   * credential (identical attempts are joined by {@link FairVerifier}); a few cover a NAT with
   * several users starting at once, while an attacker's flood can only ever hold this many places.
   */
  static final int PER_ADDRESS_LIMIT = 4;

  /** What {@link #offer} did with an attempt. */
  enum Admission {
    /** Waits for its turn. */
    QUEUED,
    /** Refused: its address already has {@value #PER_ADDRESS_LIMIT} attempts pending. */
    OVER_ADDRESS_LIMIT,
    /** Refused: the queue of all addresses is full. */
    QUEUE_FULL
  }

  /** An attempt let through to run, to be handed back to {@link #finished}. */
  record Job<T>(AddressKey key, T task) {}

  private static final class Client<T> {
    final ArrayDeque<T> waiting = new ArrayDeque<>();
    int running;
  }

  private final int workers;
  private final int queueLimit;
  private final FailureBackOff backOff;
  private final Map<AddressKey, Client<T>> clients = new HashMap<>(); // with attempts pending
  private final ArrayDeque<AddressKey> turns = new ArrayDeque<>(); // with attempts waiting
  private int waiting;
  private int running;

  /**
   * Creates the scheduler.
   *
   * @param workers most attempts running at once (the verification threads)
   * @param queueLimit most attempts waiting, all addresses together
   * @param backOff the failure table
   */
  VerificationScheduler(int workers, int queueLimit, FailureBackOff backOff) {
    if (workers < 1 || queueLimit < 1) {
      throw new IllegalArgumentException("workers and queue limit must be positive");
    }
    this.workers = workers;
    this.queueLimit = queueLimit;
    this.backOff = backOff;
  }

  /**
   * Queues an attempt from {@code key}, or refuses it at once. The decision depends only on the
   * counts, never on the credentials, so a refusal tells the client nothing it did not know.
   */
  Admission offer(AddressKey key, T task) {
    Client<T> c = clients.get(key);
    if (c != null && c.waiting.size() + c.running >= PER_ADDRESS_LIMIT) {
      return Admission.OVER_ADDRESS_LIMIT;
    }
    if (waiting >= queueLimit) {
      return Admission.QUEUE_FULL;
    }
    if (c == null) {
      c = new Client<>();
      clients.put(key, c);
    }
    if (c.waiting.isEmpty()) {
      turns.addLast(key); // a newcomer waits behind the addresses already waiting, one turn each
    }
    c.waiting.addLast(task);
    waiting++;
    return Admission.QUEUED;
  }

  /**
   * Returns the attempt to run now, taking addresses in turn; empty when every worker is busy,
   * nothing waits, or every address waiting is held back by its back-off.
   */
  Optional<Job<T>> poll(long now) {
    if (running >= workers) {
      return Optional.empty();
    }
    for (int i = turns.size(); i > 0; i--) {
      AddressKey key = turns.pollFirst();
      Client<T> c = clients.get(key);
      if (c != null && ready(key, c, now)) {
        T task = c.waiting.pollFirst();
        waiting--;
        c.running++;
        running++;
        if (!c.waiting.isEmpty()) {
          turns.addLast(key);
        }
        return Optional.ofNullable(task).map(t -> new Job<>(key, t));
      }
      turns.addLast(key);
    }
    return Optional.empty();
  }

  /**
   * Reports that {@code job} finished; a wrong password counts against its address. Returns the
   * delay that address's next attempt now waits (0 if none).
   */
  long finished(Job<T> job, boolean accepted, long now) {
    Client<T> c = clients.get(job.key());
    if (c == null || c.running == 0) {
      throw new IllegalStateException("not running: " + job.key());
    }
    c.running--;
    running--;
    if (c.running == 0 && c.waiting.isEmpty()) {
      clients.remove(job.key());
    }
    return accepted ? 0 : backOff.failed(job.key(), now);
  }

  /**
   * Returns when the earliest attempt held back by a back-off may run, for the caller's timer;
   * empty when none is held back by time (attempts held back by a running one of their address move
   * on at {@link #finished}).
   */
  OptionalLong nextWake(long now) {
    long best = 0;
    boolean any = false;
    for (AddressKey key : turns) {
      Client<T> c = clients.get(key);
      if (c == null || c.running > 0) {
        continue;
      }
      OptionalLong at = backOff.notBefore(key, now);
      if (at.isPresent() && at.getAsLong() - now > 0 && (!any || at.getAsLong() - best < 0)) {
        best = at.getAsLong();
        any = true;
      }
    }
    return any ? OptionalLong.of(best) : OptionalLong.empty();
  }

  /** Returns how many attempts wait, all addresses together. */
  int waiting() {
    return waiting;
  }

  /** Returns how many attempts run. */
  int running() {
    return running;
  }

  // An address in back-off runs one attempt at a time, so its queued attempts are spaced by the
  // growing delay instead of all going at once when it ends.
  private boolean ready(AddressKey key, Client<T> c, long now) {
    OptionalLong notBefore = backOff.notBefore(key, now);
    return notBefore.isEmpty() || (c.running == 0 && now - notBefore.getAsLong() >= 0);
  }
}
