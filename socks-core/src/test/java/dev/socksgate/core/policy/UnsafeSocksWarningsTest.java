package dev.socksgate.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.fakes.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tor's unsafe-SOCKS warning rate limit (reference §14): once per 5 s, or always. */
class UnsafeSocksWarningsTest {

  @Test
  void interval_isFiveSeconds() {
    assertEquals(Duration.ofSeconds(5).toNanos(), UnsafeSocksWarnings.INTERVAL_NANOS);
  }

  @ParameterizedTest
  @ValueSource(
      longs = {0L, 123_456_789L, Long.MIN_VALUE, Long.MAX_VALUE - 1_000_000_000L, -5_000_000_000L})
  void rateLimited_firstWarns_thenOncePerFiveSeconds(long start) {
    FakeClock clock = new FakeClock(start);
    UnsafeSocksWarnings w = new UnsafeSocksWarnings(clock, false);
    assertTrue(w.shouldWarn(), "the first unsafe request warns");
    assertFalse(w.shouldWarn(), "same instant");
    clock.advance(Duration.ofMillis(4999));
    assertFalse(w.shouldWarn(), "4.999 s later");
    clock.advanceNanos(999_999);
    assertFalse(w.shouldWarn(), "1 ns before 5 s");
    clock.advanceNanos(1);
    assertTrue(w.shouldWarn(), "exactly 5 s after the last warning");
    clock.advance(Duration.ofSeconds(3));
    assertFalse(w.shouldWarn());
    clock.advance(Duration.ofSeconds(2));
    assertTrue(w.shouldWarn(), "5 s after the second warning, not after the suppressed ones");
  }

  @Test
  void suppressedRequests_doNotPushTheWindow() {
    FakeClock clock = new FakeClock(0);
    UnsafeSocksWarnings w = new UnsafeSocksWarnings(clock, false);
    assertTrue(w.shouldWarn());
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofSeconds(1));
      assertFalse(w.shouldWarn());
    }
    clock.advance(Duration.ofSeconds(1));
    assertTrue(w.shouldWarn());
  }

  @Test
  void always_safeSocksOrTestSocks_warnsEveryTime() {
    FakeClock clock = new FakeClock(42);
    UnsafeSocksWarnings w = new UnsafeSocksWarnings(clock, true);
    for (int i = 0; i < 10; i++) {
      assertTrue(w.shouldWarn());
    }
  }
}
