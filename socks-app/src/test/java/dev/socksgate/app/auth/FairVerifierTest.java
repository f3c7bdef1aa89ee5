package dev.socksgate.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.auth.AuthEvents.Outcome;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The verifier's threads around the scheduler, with checks held at a gate so the test decides when
 * each one ends; waits are bounded waits on the answers, never sleeps.
 */
class FairVerifierTest {

  private static final InetAddress A = address("127.0.0.2");
  private static final InetAddress B = address("127.0.0.3");

  private final Semaphore gate = new Semaphore(0);
  private final AtomicInteger checks = new AtomicInteger();
  private final Map<Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
  private final List<Long> delays = new ArrayList<>();
  private final AuthEvents events =
      new AuthEvents() {
        @Override
        public void attempt(Outcome outcome) {
          outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public synchronized void backedOff(long delayNanos) {
          delays.add(delayNanos);
        }
      };

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static ByteBuffer id(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  private BooleanSupplier gated(boolean verdict) {
    return () -> {
      checks.incrementAndGet();
      gate.acquireUninterruptibly();
      return verdict;
    };
  }

  private static boolean answer(java.util.concurrent.CompletionStage<Boolean> s) throws Exception {
    return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private int count(Outcome o) {
    return outcomes.getOrDefault(o, new AtomicInteger()).get();
  }

  @Test
  void identicalAttempts_shareOneCheck_eachIsCounted() throws Exception {
    try (FairVerifier v = new FairVerifier(2, 256, System::nanoTime, events)) {
      List<CompletableFuture<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(v.submit(A, id("alice:right"), gated(true)).toCompletableFuture());
      }
      gate.release(6);
      for (CompletableFuture<Boolean> a : answers) {
        assertTrue(answer(a));
      }
      assertEquals(1, checks.get());
      assertEquals(6, count(Outcome.ACCEPTED));
    }
  }

  @Test
  void overThePerAddressBound_refusedAtOnceWithoutACheck_otherAddressesStillQueue()
      throws Exception {
    try (FairVerifier v = new FairVerifier(1, 256, System::nanoTime, events)) {
      List<CompletableFuture<Boolean>> held = new ArrayList<>();
      for (int i = 0; i < VerificationScheduler.PER_ADDRESS_LIMIT; i++) {
        held.add(v.submit(A, id("guess" + i), gated(false)).toCompletableFuture());
      }
      CompletableFuture<Boolean> over =
          v.submit(A, id("guess-over"), gated(true)).toCompletableFuture();
      assertTrue(over.isDone(), "answered at once, while the gate is still shut");
      assertFalse(answer(over));
      assertEquals(1, count(Outcome.THROTTLED));
      CompletableFuture<Boolean> other =
          v.submit(B, id("bob:right"), gated(true)).toCompletableFuture();
      assertFalse(other.isDone());
      gate.release(VerificationScheduler.PER_ADDRESS_LIMIT + 1);
      assertTrue(answer(other));
      for (CompletableFuture<Boolean> h : held) {
        assertFalse(answer(h));
      }
      assertEquals(
          VerificationScheduler.PER_ADDRESS_LIMIT + 1, checks.get(), "none for the refused");
      assertEquals(VerificationScheduler.PER_ADDRESS_LIMIT, count(Outcome.REFUSED));
      assertEquals(1, count(Outcome.ACCEPTED));
    }
  }

  @Test
  void backedOffAddress_rightPasswordAcceptedWhenTheTimerLetsItRun() throws Exception {
    // The real clock: the wake-up timer is the thing under test. Only the first delay (1 s) is
    // waited for, by a bounded wait on the answer.
    try (FairVerifier v = new FairVerifier(1, 256, System::nanoTime, events)) {
      gate.release(Integer.MAX_VALUE / 2);
      for (int i = 0; i < FailureBackOff.FREE_FAILURES; i++) {
        assertFalse(answer(v.submit(A, id("guess" + i), gated(false))));
      }
      synchronized (events) {
        assertEquals(List.of(FailureBackOff.BASE_DELAY_NANOS), delays);
      }
      CompletableFuture<Boolean> right =
          v.submit(A, id("alice:right"), gated(true)).toCompletableFuture();
      assertTrue(answer(v.submit(B, id("bob:right"), gated(true))), "B is not held back");
      assertTrue(answer(right));
      assertEquals(FailureBackOff.FREE_FAILURES + 2, checks.get());
    }
  }

  @Test
  void close_refusesWhatIsPending_andEverythingAfter() throws Exception {
    FairVerifier v = new FairVerifier(1, 256, System::nanoTime, events);
    CompletableFuture<Boolean> running = v.submit(A, id("a"), gated(true)).toCompletableFuture();
    CompletableFuture<Boolean> queued = v.submit(B, id("b"), gated(true)).toCompletableFuture();
    v.close();
    gate.release(2);
    assertFalse(answer(queued));
    assertFalse(answer(running));
    assertFalse(answer(v.submit(A, id("c"), gated(true))));
  }
}
