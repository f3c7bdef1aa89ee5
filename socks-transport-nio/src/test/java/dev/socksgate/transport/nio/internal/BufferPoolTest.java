package dev.socksgate.transport.nio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The per-loop relay buffer pool: reuse, a bounded number kept, and exact accounting. */
class BufferPoolTest {

  @Test
  void acquireRelease_reusesDirectBuffers_accountingExact() {
    BufferPool pool = new BufferPool(4096, 2);
    ByteBuffer a = pool.acquire();
    ByteBuffer b = pool.acquire();
    ByteBuffer c = pool.acquire();
    assertTrue(a.isDirect());
    assertEquals(4096, a.capacity());
    assertEquals(3, pool.inUse());
    a.put((byte) 1);
    pool.release(a);
    pool.release(b);
    pool.release(c); // beyond maxRetained: left to the collector
    assertEquals(0, pool.inUse());
    assertEquals(3, pool.highWater());
    assertEquals(2, pool.retained());
    ByteBuffer again = pool.acquire();
    assertSame(b, again);
    assertEquals(0, again.position(), "cleared");
    assertEquals(4096, again.remaining());
  }

  @Test
  void hasRoom_untilTheCapIsLent_thenAgainOnceOneIsBack() {
    BufferPool pool = new BufferPool(4096, 1, 2);
    assertTrue(pool.hasRoom());
    ByteBuffer a = pool.acquire();
    assertTrue(pool.hasRoom());
    pool.acquire();
    assertFalse(pool.hasRoom(), "at the cap");
    assertEquals(2, pool.inUse());
    pool.release(a);
    assertTrue(pool.hasRoom());
    ByteBuffer c = pool.acquire();
    assertSame(a, c, "the retained buffer comes back");
    assertFalse(pool.hasRoom());
    assertEquals(2, pool.highWater());
  }

  @Test
  void none_neverHasRoom() {
    BufferPool none = BufferPool.none();
    assertFalse(none.hasRoom());
    assertEquals(0, none.inUse());
    assertEquals(0, none.highWater());
  }

  @Test
  void constructor_rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new BufferPool(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new BufferPool(4096, -1));
    assertThrows(IllegalArgumentException.class, () -> new BufferPool(4096, 1, 0));
  }
}
