package dev.socksgate.transport.nio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.ListenerSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who owns a connection slot when a shed and the victim's own progress meet: one compare-and-set
 * decides, and the tracked set never keeps a connection that left it. The loop is never started:
 * the close requests it queues are not run, and do not need to be.
 */
class SheddingTest {

  private final AtomicLong clock = new AtomicLong();
  private final Shedding shedding = new Shedding(clock::get);
  private EventLoop loop;

  @BeforeEach
  void openLoop() throws IOException {
    loop = EventLoop.open(0, "shedding-test");
  }

  @AfterEach
  void closeLoop() throws IOException {
    loop.selector().close();
  }

  private Shedding.Ticket enter(int port) {
    ClientInfo info =
        new ClientInfo(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
            ListenerSettings.torDefaults(1));
    return shedding.enter(info, loop);
  }

  @Test
  void oldestPastTheGrace_shedOnce_itsCloseGivesNothingBack() {
    Shedding.Ticket a = enter(1);
    clock.addAndGet(5);
    Shedding.Ticket b = enter(2);
    clock.addAndGet(Shedding.GRACE_NANOS - 5);
    assertSame(a, shedding.shedOldest().orElseThrow(), "the oldest, exactly at the grace");
    assertTrue(shedding.shedOldest().isEmpty(), "b is 5 ns short of the grace");
    assertFalse(a.handshakeDone(), "a shed handshake cannot complete");
    assertFalse(a.close(), "its slot went to the newcomer");
    assertEquals(1, shedding.handshakes());
    assertTrue(b.close(), "an unshed connection gives its slot back");
    assertEquals(0, shedding.handshakes());
  }

  @Test
  void finishedOrClosedHandshakes_neverShed() {
    Shedding.Ticket done = enter(1);
    Shedding.Ticket closed = enter(2);
    clock.addAndGet(Shedding.GRACE_NANOS * 10);
    assertTrue(done.handshakeDone());
    assertTrue(closed.close());
    assertTrue(shedding.shedOldest().isEmpty());
    assertTrue(done.close(), "past the handshake, the connection still owns its slot");
    assertFalse(done.close(), "and gives it back once");
    assertEquals(0, shedding.handshakes());
  }

  @Test
  void tracksOnlyHandshakes() {
    for (int i = 0; i < 100; i++) {
      Shedding.Ticket t = enter(i + 1);
      if (i % 2 == 0) {
        t.handshakeDone();
      }
    }
    assertEquals(50, shedding.handshakes());
  }
}
