package dev.socksgate.transport.nio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The deadline heap, driven by a fake clock (plain numbers): order, cancel, reschedule. */
class DeadlineQueueTest {

  private final DeadlineQueue queue = new DeadlineQueue();
  private final List<String> ran = new ArrayList<>();

  private Deadline named(String name) {
    return new Deadline(() -> ran.add(name));
  }

  @Test
  void runExpired_runsDueDeadlinesEarliestFirst_leavesTheRest() {
    queue.schedule(named("c"), 30);
    queue.schedule(named("a"), 10);
    queue.schedule(named("b"), 20);
    assertEquals(10, queue.nanosUntilNext(0));
    assertEquals(2, queue.runExpired(20));
    assertEquals(List.of("a", "b"), ran);
    assertEquals(5, queue.nanosUntilNext(25));
    assertEquals(0, queue.nanosUntilNext(31));
  }

  @Test
  void empty_noTimeout() {
    assertEquals(-1, queue.nanosUntilNext(0));
    assertEquals(0, queue.runExpired(Long.MAX_VALUE));
  }

  @Test
  void cancelAndReschedule_oneEntryPerDeadline() {
    Deadline a = named("a");
    queue.schedule(a, 10);
    queue.schedule(a, 50); // moved, not duplicated
    assertEquals(1, queue.size());
    queue.runExpired(20);
    assertTrue(ran.isEmpty());
    queue.cancel(a);
    assertFalse(a.isScheduled());
    queue.runExpired(100);
    assertTrue(ran.isEmpty());
  }

  @Test
  void actionMayRescheduleItself() {
    int[] runs = {0};
    Deadline[] self = new Deadline[1];
    self[0] =
        new Deadline(
            () -> {
              if (++runs[0] < 3) {
                queue.schedule(self[0], 100 * runs[0]);
              }
            });
    queue.schedule(self[0], 0);
    queue.runExpired(150);
    assertEquals(2, runs[0]);
    assertEquals(50, queue.nanosUntilNext(150));
  }

  @Test
  void wrappingClock_comparesByDifference() {
    queue.schedule(named("late"), Long.MIN_VALUE + 5); // after MAX_VALUE on a wrapping clock
    queue.schedule(named("early"), Long.MAX_VALUE - 5);
    queue.runExpired(Long.MAX_VALUE);
    assertEquals(List.of("early"), ran);
  }

  @Test
  void randomOperations_matchAReferenceQueue() {
    Random random = new Random(1);
    List<Deadline> all = new ArrayList<>();
    PriorityQueue<long[]> reference = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
    long[] due = new long[2000];
    for (int i = 0; i < 2000; i++) {
      int id = i;
      all.add(new Deadline(() -> ran.add(Integer.toString(id))));
    }
    for (int step = 0; step < 20_000; step++) {
      int i = random.nextInt(all.size());
      Deadline d = all.get(i);
      if (random.nextInt(4) == 0) {
        queue.cancel(d);
      } else {
        due[i] = random.nextInt(1_000_000);
        queue.schedule(d, due[i]);
      }
    }
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).isScheduled()) {
        reference.add(new long[] {due[i], i});
      }
    }
    assertEquals(reference.size(), queue.size());
    long last = -1;
    while (queue.size() > 0) {
      long next = queue.nanosUntilNext(0);
      assertTrue(next >= last, "heap order");
      last = next;
      ran.clear();
      queue.runExpired(next);
      long[] expected = reference.poll();
      assertEquals(expected[0], next);
      for (int k = 1; k < ran.size(); k++) {
        reference.poll(); // equal due times run together
      }
    }
    assertTrue(reference.isEmpty());
  }
}
