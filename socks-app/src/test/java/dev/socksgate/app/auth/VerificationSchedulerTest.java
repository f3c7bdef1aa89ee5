package dev.socksgate.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.auth.VerificationScheduler.Admission;
import dev.socksgate.app.auth.VerificationScheduler.Job;
import dev.socksgate.core.policy.AddressKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The scheduler alone: times are plain numbers, so every schedule is exact. */
class VerificationSchedulerTest {

  private static final long SECOND = 1_000_000_000L;
  private static final AddressKey A = new AddressKey(false, 0x7F000002L);
  private static final AddressKey B = new AddressKey(false, 0x7F000003L);
  private static final AddressKey C = new AddressKey(true, 0x20010db800000001L);

  private static VerificationScheduler<String> scheduler(int workers, int queueLimit) {
    return new VerificationScheduler<>(workers, queueLimit, new FailureBackOff());
  }

  /** Runs everything one at a time at {@code now}; returns the tasks in the order they ran. */
  private static List<String> runAll(VerificationScheduler<String> s, long now) {
    List<String> order = new ArrayList<>();
    for (Optional<Job<String>> j = s.poll(now); j.isPresent(); j = s.poll(now)) {
      order.add(j.get().task());
      s.finished(j.get(), true, now);
    }
    return order;
  }

  private static void fail(VerificationScheduler<String> s, AddressKey key, int times, long now) {
    for (int i = 0; i < times; i++) {
      assertEquals(Admission.QUEUED, s.offer(key, "x"));
      Job<String> j = s.poll(now).orElseThrow();
      s.finished(j, false, now);
    }
  }

  @Test
  void addressesTakeTurns_aBacklogDelaysANewcomerByOneTurn() {
    VerificationScheduler<String> s = scheduler(1, 256);
    for (String t : List.of("a1", "a2", "a3", "a4")) {
      assertEquals(Admission.QUEUED, s.offer(A, t));
    }
    Job<String> first = s.poll(0).orElseThrow(); // a1 runs; A's backlog waits
    assertEquals(Admission.QUEUED, s.offer(B, "b1"));
    assertEquals(Admission.QUEUED, s.offer(C, "c1"));
    assertEquals(Admission.QUEUED, s.offer(B, "b2"));
    assertTrue(s.poll(0).isEmpty(), "one worker, busy");
    s.finished(first, true, 0);
    assertEquals(List.of("a2", "b1", "c1", "a3", "b2", "a4"), runAll(s, 0));
    assertEquals(0, s.waiting());
    assertEquals(0, s.running());
  }

  @Test
  void workers_boundWhatRunsAtOnce() {
    VerificationScheduler<String> s = scheduler(2, 256);
    s.offer(A, "a1");
    s.offer(B, "b1");
    s.offer(C, "c1");
    Job<String> a = s.poll(0).orElseThrow();
    Job<String> b = s.poll(0).orElseThrow();
    assertEquals(List.of("a1", "b1"), List.of(a.task(), b.task()));
    assertTrue(s.poll(0).isEmpty());
    assertEquals(2, s.running());
    s.finished(b, true, 0);
    assertEquals("c1", s.poll(0).orElseThrow().task());
  }

  @Test
  void perAddressBound_countsWaitingAndRunning_othersUnaffected() {
    VerificationScheduler<String> s = scheduler(1, 256);
    for (int i = 0; i < VerificationScheduler.PER_ADDRESS_LIMIT; i++) {
      assertEquals(Admission.QUEUED, s.offer(A, "a" + i));
    }
    assertEquals(Admission.OVER_ADDRESS_LIMIT, s.offer(A, "over"));
    Job<String> running = s.poll(0).orElseThrow();
    assertEquals(Admission.OVER_ADDRESS_LIMIT, s.offer(A, "over"), "a running one still counts");
    assertEquals(Admission.QUEUED, s.offer(B, "b1"));
    s.finished(running, false, 0);
    assertEquals(Admission.QUEUED, s.offer(A, "a4"), "a place came free");
    assertEquals(Admission.OVER_ADDRESS_LIMIT, s.offer(A, "over"));
  }

  @Test
  void queueLimit_countsWaitingOnly() {
    VerificationScheduler<String> s = scheduler(1, 2);
    assertEquals(Admission.QUEUED, s.offer(A, "a1"));
    assertEquals(Admission.QUEUED, s.offer(B, "b1"));
    assertEquals(Admission.QUEUE_FULL, s.offer(C, "c1"));
    s.poll(0).orElseThrow();
    assertEquals(Admission.QUEUED, s.offer(C, "c1"), "the running one left the queue");
    assertEquals(2, s.waiting());
  }

  @Test
  void backOff_holdsTheAddressBack_othersRunMeanwhile_wakeAtItsEnd() {
    VerificationScheduler<String> s = scheduler(1, 256);
    fail(s, A, FailureBackOff.FREE_FAILURES - 1, 0);
    assertEquals(Admission.QUEUED, s.offer(A, "free"));
    Job<String> last = s.poll(0).orElseThrow();
    assertEquals(SECOND, s.finished(last, false, 0), "the fifth failure starts the back-off");

    s.offer(A, "a-late");
    s.offer(B, "b1");
    assertEquals(OptionalLong.of(SECOND), s.nextWake(0));
    assertEquals(List.of("b1"), runAll(s, 0));
    assertEquals(List.of(), runAll(s, SECOND - 1));
    assertEquals(List.of("a-late"), runAll(s, SECOND));
    assertEquals(OptionalLong.empty(), s.nextWake(SECOND));
  }

  @Test
  void backedOffAddress_runsOneAtATime_eachWaitingLongerAfterTheLastFailure() {
    VerificationScheduler<String> s = scheduler(2, 256);
    fail(s, A, FailureBackOff.FREE_FAILURES, 0);
    s.offer(A, "g1");
    s.offer(A, "g2");
    Job<String> g1 = s.poll(SECOND).orElseThrow();
    assertTrue(s.poll(SECOND).isEmpty(), "a free worker, but A has one running");
    assertEquals(OptionalLong.empty(), s.nextWake(SECOND), "woken by the finish, not a timer");
    assertEquals(2 * SECOND, s.finished(g1, false, SECOND + 5));
    assertTrue(s.poll(3 * SECOND + 4).isEmpty());
    assertEquals(OptionalLong.of(3 * SECOND + 5), s.nextWake(3 * SECOND + 4));
    assertEquals("g2", s.poll(3 * SECOND + 5).orElseThrow().task());
  }

  @Test
  void rightPassword_runsWhenItsTurnComes_andDoesNotWipeTheCount() {
    VerificationScheduler<String> s = scheduler(1, 256);
    fail(s, A, FailureBackOff.FREE_FAILURES, 0);
    s.offer(A, "right");
    assertTrue(s.poll(0).isEmpty());
    Job<String> right = s.poll(SECOND).orElseThrow();
    assertEquals(0, s.finished(right, true, SECOND));
    s.offer(A, "wrong");
    Job<String> wrong = s.poll(SECOND).orElseThrow();
    assertEquals(2 * SECOND, s.finished(wrong, false, SECOND), "the sixth failure, not a first");
  }
}
