package dev.socksgate.transport.nio.internal;

import java.util.Arrays;

/**
 * A binary min-heap of {@link Deadline}s (Redis {@code ae.c}, Netty's scheduled-task queue): the
 * event loop asks it how long it may block in {@code select}, then runs what expired. Schedule,
 * reschedule and cancel are O(log n); nothing is allocated except when the heap array grows. Time
 * is passed in, so tests drive it with a fake clock.
 *
 * <p>Not thread-safe: owned by one event loop.
 */
public final class DeadlineQueue {

  private Deadline[] heap = new Deadline[64];
  private int size;

  /** Returns the number of scheduled deadlines. */
  public int size() {
    return size;
  }

  /** Schedules {@code d} at {@code dueNanos}, moving it if it was already scheduled. */
  public void schedule(Deadline d, long dueNanos) {
    if (d.isScheduled()) {
      remove(d);
    }
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    d.dueNanos = dueNanos;
    d.index = size;
    heap[size++] = d;
    siftUp(d.index);
  }

  /** Removes {@code d} if it is scheduled. */
  public void cancel(Deadline d) {
    if (d.isScheduled()) {
      remove(d);
    }
  }

  /**
   * Returns how many nanoseconds remain until the earliest deadline (0 if one is due), or -1 if
   * none is scheduled.
   */
  public long nanosUntilNext(long nowNanos) {
    if (size == 0) {
      return -1;
    }
    return Math.max(0, heap[0].dueNanos - nowNanos);
  }

  /**
   * Removes and runs every deadline due at or before {@code nowNanos}, earliest first. An action
   * may schedule deadlines, including its own (those due by now run in this call too).
   *
   * @return how many ran
   */
  public int runExpired(long nowNanos) {
    int ran = 0;
    while (size > 0 && heap[0].dueNanos - nowNanos <= 0) {
      Deadline d = heap[0];
      remove(d);
      d.run();
      ran++;
    }
    return ran;
  }

  private void remove(Deadline d) {
    int i = d.index;
    Deadline last = heap[--size];
    heap[size] = null;
    d.index = -1;
    if (i == size) {
      return;
    }
    heap[i] = last;
    last.index = i;
    siftDown(i);
    siftUp(last.index);
  }

  private void siftUp(int i) {
    Deadline d = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      Deadline p = heap[parent];
      if (p.dueNanos - d.dueNanos <= 0) {
        break;
      }
      heap[i] = p;
      p.index = i;
      i = parent;
    }
    heap[i] = d;
    d.index = i;
  }

  private void siftDown(int i) {
    Deadline d = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && heap[right].dueNanos - heap[child].dueNanos < 0) {
        child = right;
      }
      if (d.dueNanos - heap[child].dueNanos <= 0) {
        break;
      }
      heap[i] = heap[child];
      heap[i].index = i;
      i = child;
    }
    heap[i] = d;
    d.index = i;
  }
}
