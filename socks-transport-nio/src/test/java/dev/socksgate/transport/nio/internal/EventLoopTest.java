package dev.socksgate.transport.nio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loop: tasks from other threads wake it, deadlines set the select timeout, stop is final. */
class EventLoopTest {

  private EventLoop loop;

  @BeforeEach
  void start() throws IOException {
    loop = EventLoop.open(0, "test-loop");
    loop.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    loop.shutdown();
    loop.join();
  }

  @Test
  void execute_fromAnotherThread_runsOnTheLoopThread() throws Exception {
    CompletableFuture<Boolean> on = new CompletableFuture<>();
    loop.execute(() -> on.complete(loop.inEventLoop()));
    assertTrue(on.get(5, TimeUnit.SECONDS));
    assertFalse(loop.inEventLoop());
  }

  @Test
  void execute_fromTheLoop_runsLaterNotInline() throws Exception {
    List<String> order = new ArrayList<>();
    CompletableFuture<List<String>> done = new CompletableFuture<>();
    loop.execute(
        () -> {
          loop.execute(
              () -> {
                order.add("inner");
                done.complete(order);
              });
          order.add("outer");
        });
    assertEquals(List.of("outer", "inner"), done.get(5, TimeUnit.SECONDS));
  }

  @Test
  void deadline_firesWithoutAnyOtherEvent() throws Exception {
    CompletableFuture<Long> fired = new CompletableFuture<>();
    long[] scheduledAt = new long[1];
    loop.execute(
        () -> {
          scheduledAt[0] = System.nanoTime();
          loop.schedule(
              new Deadline(() -> fired.complete(System.nanoTime())),
              TimeUnit.MILLISECONDS.toNanos(50));
        });
    long at = fired.get(5, TimeUnit.SECONDS);
    assertTrue(at - scheduledAt[0] >= TimeUnit.MILLISECONDS.toNanos(45), "not early");
  }

  @Test
  void afterShutdown_tasksAreRefused() throws Exception {
    loop.shutdown();
    loop.termination().get(5, TimeUnit.SECONDS);
    assertFalse(loop.tryExecute(() -> {}));
  }

  @Test
  void failingTask_doesNotKillTheLoop() throws Exception {
    loop.execute(
        () -> {
          throw new IllegalStateException("boom");
        });
    CompletableFuture<Boolean> after = new CompletableFuture<>();
    loop.execute(() -> after.complete(true));
    assertTrue(after.get(5, TimeUnit.SECONDS));
  }
}
