package dev.socksgate.app.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

  private final AtomicLong clock = new AtomicLong(1_000);
  private final LogThrottle throttle = new LogThrottle(clock::get, 100);

  @Test
  void theFirstEventIsLoggedAtOnce() {
    assertEquals(1, throttle.record());
  }

  @Test
  void eventsWithinTheIntervalAreHeldBackAndCountedInTheNextLine() {
    assertEquals(1, throttle.record());
    clock.addAndGet(50);
    assertEquals(0, throttle.record());
    assertEquals(0, throttle.record());
    clock.addAndGet(49);
    assertEquals(0, throttle.record());
    clock.addAndGet(1);
    assertEquals(4, throttle.record(), "three held back and this one");
    assertEquals(0, throttle.record());
  }

  @Test
  void aQuietPeriodDoesNotBankLines() {
    assertEquals(1, throttle.record());
    clock.addAndGet(10_000);
    assertEquals(1, throttle.record());
    assertEquals(0, throttle.record());
  }

  @Test
  void theIntervalMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new LogThrottle(clock::get, 0));
  }
}
