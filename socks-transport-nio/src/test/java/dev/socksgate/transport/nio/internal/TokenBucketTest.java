package dev.socksgate.transport.nio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bandwidth token bucket and its table, on a fake clock. */
class TokenBucketTest {

  private static final long MS = 1_000_000;

  private final AtomicLong clock = new AtomicLong(5_000 * MS);

  private BandwidthBuckets table(long rate, long burst) {
    return new BandwidthBuckets(new BandwidthBuckets.Limits(rate, burst), clock::get);
  }

  @Test
  void startsFull_takeIsCappedAtTheTokens() {
    BandwidthBuckets t = table(1000, 300);
    TokenBucket b = t.acquire("a").orElseThrow();
    assertEquals(300, b.available());
    assertEquals(200, b.take(200));
    assertEquals(100, b.take(200), "only what is left");
    assertEquals(0, b.take(200), "empty");
  }

  @Test
  void refillsAtTheRate_cappedAtTheBurst() {
    TokenBucket b = table(1000, 300).acquire("a").orElseThrow();
    b.take(300);
    clock.addAndGet(100 * MS); // 100 ms at 1000 B/s
    assertEquals(100, b.available());
    clock.addAndGet(10_000 * MS);
    assertEquals(300, b.available(), "never beyond the burst");
  }

  @Test
  void fractionsOfATokenAreNotLost() {
    TokenBucket b = table(3, 10).acquire("a").orElseThrow(); // one token per 333.3 ms
    b.take(10);
    for (int i = 0; i < 9; i++) {
      clock.addAndGet(111 * MS); // 999 ms in steps smaller than one token's time
      b.available();
    }
    clock.addAndGet(2 * MS);
    assertEquals(3, b.available(), "three tokens after 1.001 s");
  }

  @Test
  void refund_givesBackUnused_cappedAtTheBurst() {
    TokenBucket b = table(1000, 300).acquire("a").orElseThrow();
    assertEquals(300, b.take(300));
    b.refund(120);
    assertEquals(120, b.available());
    b.refund(1000);
    assertEquals(300, b.available());
  }

  @Test
  void nanosUntil_whenNTokensAreBack() {
    TokenBucket b = table(1000, 300).acquire("a").orElseThrow();
    assertEquals(0, b.nanosUntil(300), "full now");
    b.take(300);
    assertEquals(100 * MS, b.nanosUntil(100));
    assertEquals(300 * MS, b.nanosUntil(1_000_000), "capped at the burst: finite");
    clock.addAndGet(40 * MS);
    assertEquals(60 * MS, b.nanosUntil(100));
    clock.addAndGet(60 * MS);
    assertEquals(0, b.nanosUntil(100));
    assertEquals(100, b.take(1000));
  }

  @Test
  void oneBucketPerUser_sharedByItsRelays_forgottenWithTheLast() {
    BandwidthBuckets t = table(1000, 300);
    TokenBucket first = t.acquire("user:alice").orElseThrow();
    TokenBucket second = t.acquire("user:alice").orElseThrow();
    TokenBucket other = t.acquire("user:bob").orElseThrow();
    assertSame(first, second, "one bucket per user");
    assertNotSame(first, other);
    assertEquals(2, t.size());
    first.take(250);
    assertEquals(50, second.take(1000), "the second relay sees what the first took");
    assertEquals(300, other.take(1000), "another user is not charged");
    t.release(first);
    assertEquals(2, t.size(), "still used by the second relay");
    t.release(second);
    assertEquals(1, t.size(), "forgotten with its last relay");
    TokenBucket again = t.acquire("user:alice").orElseThrow();
    assertNotSame(first, again);
    assertEquals(300, again.available(), "a returning user starts full");
    t.release(again);
    t.release(other);
    assertEquals(0, t.size());
  }

  @Test
  void off_noBucket_andLimitsSwapAtRunTime() {
    BandwidthBuckets t = new BandwidthBuckets(BandwidthBuckets.Limits.OFF, clock::get);
    assertTrue(t.acquire("a").isEmpty(), "no bucket, no cost, when off");
    t.limits(1000, 300);
    TokenBucket b = t.acquire("a").orElseThrow();
    b.take(300);
    t.limits(2000, 300); // a reload doubling the rate
    clock.addAndGet(100 * MS);
    assertEquals(200, b.available());
    t.limits(1000, 50); // a lower burst caps what is there
    assertEquals(50, b.available());
    t.limits(0, 0); // turned off: existing relays are no longer held back
    assertEquals(1 << 20, b.take(1 << 20));
    assertEquals(0, b.nanosUntil(1 << 20));
  }

  @Test
  void badLimits_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new BandwidthBuckets.Limits(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new BandwidthBuckets.Limits(100, 0));
  }
}
