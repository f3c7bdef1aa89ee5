package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.ExitResult;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.transport.nio.NioExit;
import dev.socksgate.transport.nio.NioExitConnector;
import dev.socksgate.transport.nio.NioTransport;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The two swappable adapters for tests: a resolver over fixed maps (no DNS ever), and an exit
 * connector that records every request and isolation key before connecting directly.
 */
final class TestAdaptersModule extends AbstractModule {

  /** One CONNECT as the exit connector saw it. */
  record Seen(StreamRequest request, IsolationKey key) {}

  /** One lookup as the resolver saw it. */
  record Lookup(String query, IsolationKey key) {}

  private final Map<String, List<InetAddress>> forward;
  private final Map<InetAddress, String> reverse;
  final List<Seen> exits = new CopyOnWriteArrayList<>();
  final List<Lookup> lookups = new CopyOnWriteArrayList<>();

  TestAdaptersModule(Map<String, List<InetAddress>> forward, Map<InetAddress, String> reverse) {
    this.forward = Map.copyOf(forward);
    this.reverse = Map.copyOf(reverse);
  }

  @Provides
  @Singleton
  Resolver resolver() {
    return new Resolver() {
      @Override
      public CompletionStage<List<InetAddress>> resolve(String name, IsolationKey key) {
        lookups.add(new Lookup(name, key));
        return CompletableFuture.completedFuture(forward.getOrDefault(name, List.of()));
      }

      @Override
      public CompletionStage<Optional<String>> reverse(InetAddress address, IsolationKey key) {
        lookups.add(new Lookup(address.getHostAddress(), key));
        return CompletableFuture.completedFuture(Optional.ofNullable(reverse.get(address)));
      }
    };
  }

  @Provides
  @Singleton
  ExitConnector<NioExit> exitConnector(NioTransport transport, Resolver resolver) {
    NioExitConnector direct = new NioExitConnector(transport, resolver, Duration.ofSeconds(5));
    return new ExitConnector<>() {
      @Override
      public CompletionStage<ExitResult<NioExit>> connect(
          StreamRequest request, IsolationKey key, ByteBuffer earlyData) {
        exits.add(new Seen(request, key));
        return direct.connect(request, key, earlyData);
      }
    };
  }
}
