package dev.socksgate.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.core.policy.AddressKey;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The failure table: the delay schedule, forgetting, and its size bound, on plain numbers. */
class FailureBackOffTest {

  private static final long SECOND = 1_000_000_000L;
  private static final AddressKey A = new AddressKey(false, 0x7F000002L);

  private static AddressKey key(int i) {
    return new AddressKey(false, 0x0A000000L + i);
  }

  @Test
  void schedule_freeFailuresThenDoublingFromOneSecondToTheCap() {
    long[] expected = {0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 30, 30};
    for (int failures = 0; failures < expected.length; failures++) {
      assertEquals(
          expected[failures] * SECOND, FailureBackOff.delayAfter(failures), failures + " failures");
    }
    assertEquals(30 * SECOND, FailureBackOff.delayAfter(100));
    assertEquals(30 * SECOND, FailureBackOff.delayAfter(Integer.MAX_VALUE));
  }

  @Test
  void failed_returnsTheDelay_notBeforeCountsFromTheLatestFailure() {
    FailureBackOff b = new FailureBackOff();
    for (int i = 1; i < FailureBackOff.FREE_FAILURES; i++) {
      assertEquals(0, b.failed(A, i));
      assertEquals(OptionalLong.empty(), b.notBefore(A, i));
    }
    assertEquals(SECOND, b.failed(A, 100));
    assertEquals(OptionalLong.of(100 + SECOND), b.notBefore(A, 100));
    assertEquals(2 * SECOND, b.failed(A, 200));
    assertEquals(OptionalLong.of(200 + 2 * SECOND), b.notBefore(A, 200));
  }

  @Test
  void idleAddress_isForgotten_andStartsAgainWithFreeFailures() {
    FailureBackOff b = new FailureBackOff();
    for (int i = 0; i < FailureBackOff.FREE_FAILURES + 3; i++) {
      b.failed(A, 0);
    }
    long forget = FailureBackOff.FORGET_AFTER_NANOS;
    assertEquals(OptionalLong.of(8 * SECOND), b.notBefore(A, forget - 1));
    assertEquals(OptionalLong.empty(), b.notBefore(A, forget));
    assertEquals(0, b.size());
    assertEquals(0, b.failed(A, forget), "a first failure again");
  }

  @Test
  void expiredEntries_areDroppedWhenAnotherAddressFails() {
    FailureBackOff b = new FailureBackOff();
    for (int i = 0; i < 10; i++) {
      b.failed(key(i), 0);
    }
    b.failed(A, FailureBackOff.FORGET_AFTER_NANOS);
    assertEquals(1, b.size());
  }

  @Test
  void table_isBounded_theLeastRecentlySeenGoesFirst() {
    FailureBackOff b = new FailureBackOff(3);
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < FailureBackOff.FREE_FAILURES; i++) {
        b.failed(key(k), 0);
      }
    }
    b.notBefore(key(0), 0); // seen: now the most recent
    b.failed(key(3), 0); // evicts key 1, the least recently seen
    assertEquals(3, b.size());
    assertEquals(OptionalLong.of(SECOND), b.notBefore(key(0), 0));
    assertEquals(OptionalLong.empty(), b.notBefore(key(1), 0));
    assertEquals(OptionalLong.of(SECOND), b.notBefore(key(2), 0));
  }
}
