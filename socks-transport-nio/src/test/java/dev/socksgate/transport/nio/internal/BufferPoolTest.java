package dev.socksgate.transport.nio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
}
