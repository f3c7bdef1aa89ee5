package dev.socksgate.core.fakes;

import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.port.Resolver;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Resolver} over two maps: names to addresses (forward) and addresses to names (reverse).
 * Unknown names resolve to an empty list, unknown addresses to no name. Every lookup is recorded
 * with the isolation key it came with. Completes at once, on the calling thread. Thread-safe.
 */
public final class MapResolver implements Resolver {

  /** One recorded lookup: the name or address asked for, and the key it came with. */
  public record Lookup(Object query, IsolationKey key) {}

  private final Map<String, List<InetAddress>> forward = new HashMap<>();
  private final Map<InetAddress, String> reverse = new HashMap<>();
  private final List<Lookup> lookups = new CopyOnWriteArrayList<>();

  /** Adds a forward entry: {@code name} resolves to {@code addresses}, in this order. */
  public synchronized MapResolver name(String name, InetAddress... addresses) {
    forward.put(name, List.of(addresses));
    return this;
  }

  /** Adds a reverse entry: {@code address} has the name {@code name}. */
  public synchronized MapResolver ptr(InetAddress address, String name) {
    reverse.put(address, name);
    return this;
  }

  @Override
  public synchronized CompletionStage<List<InetAddress>> resolve(String name, IsolationKey key) {
    lookups.add(new Lookup(name, key));
    return CompletableFuture.completedFuture(forward.getOrDefault(name, List.of()));
  }

  @Override
  public synchronized CompletionStage<Optional<String>> reverse(
      InetAddress address, IsolationKey key) {
    lookups.add(new Lookup(address, key));
    return CompletableFuture.completedFuture(Optional.ofNullable(reverse.get(address)));
  }

  /** Returns every lookup so far, in order. */
  public List<Lookup> lookups() {
    return List.copyOf(lookups);
  }
}
