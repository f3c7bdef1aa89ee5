package dev.socksgate.transport.nio.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed array of counters written by one thread (an event loop) and read by any (a scrape).
 * Writes are plain reads of the writer's own value followed by an opaque write: no lock, no atomic
 * read-modify-write, and on x86 the same instructions as a plain field; a reader's opaque read sees
 * a whole {@code long} (never a torn one) and, eventually, the latest write. A scrape that sums
 * several cells may see one event counted in one cell and not yet in another; monotone counters
 * stay monotone.
 *
 * <p>Writer: the owning loop thread only. Readers: any thread.
 */
final class StatCells {

  private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);

  private final long[] cells;

  StatCells(int size) {
    this.cells = new long[size];
  }

  /** Adds {@code n} to cell {@code i}. Owning thread only. */
  void add(int i, long n) {
    CELL.setOpaque(cells, i, cells[i] + n);
  }

  /** Adds one to cell {@code i}. Owning thread only. */
  void increment(int i) {
    CELL.setOpaque(cells, i, cells[i] + 1);
  }

  /** Returns cell {@code i}. Any thread. */
  long get(int i) {
    return (long) CELL.getOpaque(cells, i);
  }

  int size() {
    return cells.length;
  }
}
