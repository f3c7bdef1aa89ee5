package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.model.IsolationKey;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JDK resolver's promises: bounded queue, no blocking, order kept, a literal is no name. */
class JdkResolverTest {

  private static final IsolationKey KEY = IsolationKey.builder(0, 0).build();

  @Test
  void queueFull_completesExceptionallyAtOnce_neverBlocks() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    try (JdkResolver r =
        new JdkResolver(
            1,
            1,
            name -> {
              running.countDown();
              await(release);
              return new InetAddress[] {FakeNames.v4()};
            },
            a -> Optional.empty())) {
      CompletableFuture<List<InetAddress>> busy = r.resolve("a.test", KEY).toCompletableFuture();
      assertTrue(running.await(5, TimeUnit.SECONDS));
      CompletableFuture<List<InetAddress>> queued = r.resolve("b.test", KEY).toCompletableFuture();
      CompletableFuture<List<InetAddress>> rejected =
          r.resolve("c.test", KEY).toCompletableFuture();
      assertTrue(rejected.isCompletedExceptionally(), "rejected at once");
      ExecutionException e = assertThrows(ExecutionException.class, rejected::get);
      assertInstanceOf(RejectedExecutionException.class, e.getCause());
      release.countDown();
      assertEquals(List.of(FakeNames.v4()), busy.get(5, TimeUnit.SECONDS));
      assertEquals(List.of(FakeNames.v4()), queued.get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void resolve_keepsTheLookupsOrder_ipv6First() throws Exception {
    FakeNames names = new FakeNames().name("dual.test", FakeNames.v6(), FakeNames.v4());
    try (JdkResolver r = names.resolver()) {
      assertEquals(
          List.of(FakeNames.v6(), FakeNames.v4()),
          r.resolve("dual.test", KEY).toCompletableFuture().get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void reverse_literalAnswers_areNoName() throws Exception {
    try (JdkResolver r =
        new JdkResolver(
            1,
            4,
            name -> new InetAddress[0],
            a -> Optional.of(a.getHostAddress().equals("::1") ? "0:0:0:0:0:0:0:1" : "127.0.0.1"))) {
      assertEquals(
          Optional.empty(),
          r.reverse(FakeNames.v4(), KEY).toCompletableFuture().get(5, TimeUnit.SECONDS));
      assertEquals(
          Optional.empty(),
          r.reverse(FakeNames.v6(), KEY).toCompletableFuture().get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void close_failsWhatWaits() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    JdkResolver r =
        new JdkResolver(
            1,
            4,
            name -> {
              await(release);
              return new InetAddress[0];
            },
            a -> Optional.empty());
    r.resolve("a.test", KEY);
    CompletableFuture<List<InetAddress>> waiting = r.resolve("b.test", KEY).toCompletableFuture();
    r.close();
    release.countDown();
    assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
