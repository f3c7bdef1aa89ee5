package dev.socksgate.app.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SafeLoggingTest {

  private final Object target = InetSocketAddress.createUnresolved("example.com", 443);

  @Test
  void on_scrubsEveryValue() {
    SafeLogging safe = new SafeLogging(true);
    assertTrue(safe.isOn());
    assertEquals(SafeLogging.SCRUBBED, safe.of(target));
    assertEquals("[scrubbed]", String.valueOf(safe.of("alice")));
  }

  @Test
  void off_passesTheValueThrough() {
    SafeLogging open = new SafeLogging(false);
    assertFalse(open.isOn());
    assertSame(target, open.of(target));
  }

  @Test
  void twoServersInOneProcess_keepTheirOwnSetting() {
    SafeLogging a = new SafeLogging(true);
    SafeLogging b = new SafeLogging(false);
    assertEquals(SafeLogging.SCRUBBED, a.of(target));
    assertSame(target, b.of(target));
  }
}
