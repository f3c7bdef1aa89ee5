package dev.socksgate.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.core.fakes.MapResolver;
import dev.socksgate.core.model.IsolationKey;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnswerFilteringResolverTest {

  private static final IsolationKey KEY = IsolationKey.builder(0, 0).build();

  private static InetAddress ip(int a, int b, int c, int d) throws Exception {
    return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
  }

  @Test
  void internalAnswers_areDropped_whenThePolicyRejectsThem() throws Exception {
    MapResolver map =
        new MapResolver()
            .name("mixed.test", ip(127, 0, 0, 1), ip(93, 184, 215, 14), ip(10, 1, 2, 3))
            .name("rebound.test", ip(192, 168, 1, 1))
            .ptr(ip(127, 0, 0, 1), "localhost");
    AnswerFilteringResolver strict =
        new AnswerFilteringResolver(map, new TorDestinationPolicy(true, true, false));
    assertEquals(
        List.of(ip(93, 184, 215, 14)),
        strict.resolve("mixed.test", KEY).toCompletableFuture().get(5, TimeUnit.SECONDS));
    assertEquals(
        List.of(),
        strict.resolve("rebound.test", KEY).toCompletableFuture().get(5, TimeUnit.SECONDS));
    assertEquals(
        Optional.of("localhost"),
        strict.reverse(ip(127, 0, 0, 1), KEY).toCompletableFuture().get(5, TimeUnit.SECONDS),
        "reverse lookups pass through");
  }

  @Test
  void everyAnswer_passes_whenThePolicyAllowsInternal() throws Exception {
    MapResolver map = new MapResolver().name("lan.test", ip(192, 168, 1, 1));
    AnswerFilteringResolver lax =
        new AnswerFilteringResolver(map, new TorDestinationPolicy(false, false, false));
    assertEquals(
        List.of(ip(192, 168, 1, 1)),
        lax.resolve("lan.test", KEY).toCompletableFuture().get(5, TimeUnit.SECONDS));
  }
}
