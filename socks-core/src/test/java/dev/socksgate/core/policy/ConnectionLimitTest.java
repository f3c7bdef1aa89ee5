package dev.socksgate.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionLimitTest {

  @Test
  void admitsUpToTheLimitPerKeyAndAgainAfterARelease() {
    ConnectionLimit<String> limit = new ConnectionLimit<>(2);
    assertTrue(limit.tryAcquire("alice"));
    assertTrue(limit.tryAcquire("alice"));
    assertFalse(limit.tryAcquire("alice"));
    assertTrue(limit.tryAcquire("bob"));
    assertEquals(2, limit.count("alice"));
    limit.release("alice");
    assertTrue(limit.tryAcquire("alice"));
    assertFalse(limit.tryAcquire("alice"));
  }

  @Test
  void forgetsKeysWhoseCountDropsToZero() {
    ConnectionLimit<String> limit = new ConnectionLimit<>(3);
    limit.tryAcquire("a");
    limit.tryAcquire("a");
    limit.tryAcquire("b");
    assertEquals(2, limit.keys());
    limit.release("a");
    limit.release("a");
    limit.release("b");
    assertEquals(0, limit.keys());
    assertEquals(0, limit.count("a"));
    limit.release("a"); // an extra release does not go negative
    assertEquals(0, limit.keys());
  }

  @Test
  void zeroIsOffButStillCountsSoALimitSetLaterSeesOpenConnections() {
    ConnectionLimit<String> limit = new ConnectionLimit<>(0);
    for (int i = 0; i < 5; i++) {
      assertTrue(limit.tryAcquire("a"));
    }
    limit.setLimit(5);
    assertFalse(limit.tryAcquire("a"));
    limit.setLimit(6);
    assertTrue(limit.tryAcquire("a"));
    limit.setLimit(0);
    assertTrue(limit.tryAcquire("a"));
    assertEquals(7, limit.count("a"));
  }

  @Test
  void negativeLimitIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ConnectionLimit<String>(-1));
    assertThrows(IllegalArgumentException.class, () -> ClientLimits.of(0, -1));
  }

  @Test
  void concurrentAcquireNeverExceedsTheLimitAndReleasesEmptyTheTable() throws Exception {
    ConnectionLimit<String> limit = new ConnectionLimit<>(10);
    AtomicInteger admitted = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                for (int i = 0; i < 1000; i++) {
                  if (limit.tryAcquire("k")) {
                    admitted.incrementAndGet();
                  }
                }
              });
      th.start();
      threads.add(th);
    }
    go.countDown();
    for (Thread th : threads) {
      th.join(TimeUnit.SECONDS.toMillis(30));
      assertFalse(th.isAlive());
    }
    assertEquals(10, admitted.get());
    assertEquals(10, limit.count("k"));
    for (int i = 0; i < 10; i++) {
      limit.release("k");
    }
    assertEquals(0, limit.keys());
  }

  @Test
  void ipv4KeysByWholeAddress() throws UnknownHostException {
    assertEquals(key("127.0.0.2"), key("127.0.0.2"));
    assertNotEquals(key("127.0.0.2"), key("127.0.0.3"));
    assertEquals(new AddressKey(false, 0x7F000002L), key("127.0.0.2"));
  }

  @Test
  void ipv6KeysByTheSlash64Prefix() throws UnknownHostException {
    assertEquals(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    assertNotEquals(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
    assertEquals(new AddressKey(true, 0x20010db800010002L), key("2001:db8:1:2:abcd::9"));
    assertNotEquals(key("::1"), key("0.0.0.1")); // families never collide
  }

  @Test
  void ipv4MappedIpv6CountsAsIpv4() throws UnknownHostException {
    assertEquals(key("127.0.0.2"), key("::ffff:127.0.0.2"));
  }

  private static AddressKey key(String literal) throws UnknownHostException {
    return AddressKey.of(InetAddress.getByName(literal)); // literals only: no lookup
  }
}
