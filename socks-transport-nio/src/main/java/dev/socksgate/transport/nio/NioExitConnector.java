package dev.socksgate.transport.nio;

import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.model.Target;
import dev.socksgate.core.port.DestinationPolicy;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.ExitResult;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.transport.nio.internal.EventLoop;
import dev.socksgate.transport.nio.internal.OutboundConnect;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The direct exit: connects to the target itself, from this host. A name is first resolved through
 * the {@link Resolver} port; each address it returns is judged by the {@link DestinationPolicy}'s
 * {@link DestinationPolicy#checkAnswer} (so that a public name pointing at an internal address, or
 * at one an exit policy refuses, cannot slip past the policy), and the allowed ones (IPv6 and IPv4,
 * in the resolver's order) are tried in turn, all within one connect timeout. When the policy
 * refuses every answer, the stream fails with the first answer's refusal. Connects are
 * non-blocking, on the caller's event loop when the caller is a loop thread (the server calls it on
 * the client's loop, so the exit shares the client's selector), else on the next loop. Once
 * connected it writes the early data, then completes with a {@link NioExit}.
 *
 * <p>Failures map to the core's {@link StreamFailure}: refused or reset → CONNECTION_REFUSED (05),
 * network unreachable → NETWORK_UNREACHABLE (03), host unreachable or no route → HOST_UNREACHABLE
 * (04), timeout → TIMED_OUT (06), a name without addresses → RESOLVE_FAILED (04), anything else →
 * GENERAL (01). The stage never completes exceptionally.
 *
 * <p>With {@link EgressAddresses} ({@code --exit-bind}), each stream leaves from the source address
 * its isolation key maps to; without, the key is not used and the system picks the source.
 *
 * <p>Thread-safe.
 */
public final class NioExitConnector implements ExitConnector<NioExit> {

  /** No egress addresses: the system picks the source of every connection. */
  private static Optional<InetAddress> noBind(InetSocketAddress target) {
    return Optional.empty();
  }

  /** The default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final NioTransport transport;
  private final Resolver resolver;
  private final long timeoutNanos;
  private final Optional<EgressAddresses> egress;
  private final DestinationPolicy answers;

  /**
   * Creates the connector.
   *
   * @param transport the loops to connect on; must be started before the first connect
   * @param resolver resolves target names
   * @param connectTimeout the time allowed for all addresses of one target together
   */
  public NioExitConnector(NioTransport transport, Resolver resolver, Duration connectTimeout) {
    this(transport, resolver, connectTimeout, Optional.empty(), DestinationPolicy.ALLOW_ALL);
  }

  /**
   * Creates the connector with per-key source addresses ({@code --exit-bind}) and a policy for the
   * addresses names resolve to.
   *
   * @param egress chooses the local address each stream leaves from, by isolation key
   * @param answers judges every address a name resolves to; only the allowed ones are tried
   */
  public NioExitConnector(
      NioTransport transport,
      Resolver resolver,
      Duration connectTimeout,
      Optional<EgressAddresses> egress,
      DestinationPolicy answers) {
    this.answers = Objects.requireNonNull(answers, "answers");
    this.egress = Objects.requireNonNull(egress, "egress");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || connectTimeout.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("connectTimeout must be positive and at most a day");
    }
    this.timeoutNanos = connectTimeout.toNanos();
  }

  @Override
  public CompletionStage<ExitResult<NioExit>> connect(
      StreamRequest request, IsolationKey key, ByteBuffer earlyData) {
    CompletableFuture<ExitResult<NioExit>> result = new CompletableFuture<>();
    EventLoop loop = transport.currentOrNext();
    Target target = request.target();
    if (target.host() instanceof Host.Address a) {
      onLoop(
          loop, List.of(new InetSocketAddress(a.address(), target.port())), earlyData, key, result);
      return result;
    }
    String name = ((Host.Name) target.host()).name();
    CompletionStage<List<InetAddress>> lookup;
    try {
      lookup = resolver.resolve(name, key);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(
          new ExitResult.Failed<>(StreamFailure.RESOLVE_FAILED));
    }
    lookup.whenComplete(
        (addresses, error) -> {
          if (error != null || addresses == null || addresses.isEmpty()) {
            result.complete(new ExitResult.Failed<>(StreamFailure.RESOLVE_FAILED));
            return;
          }
          List<InetSocketAddress> candidates = new ArrayList<>(addresses.size());
          Optional<StreamFailure> firstRefusal = Optional.empty();
          for (InetAddress address : addresses) {
            Optional<StreamFailure> refused = answers.checkAnswer(request, address);
            if (refused.isEmpty()) {
              candidates.add(new InetSocketAddress(address, target.port()));
            } else if (firstRefusal.isEmpty()) {
              firstRefusal = refused;
            }
          }
          if (candidates.isEmpty()) {
            result.complete(
                new ExitResult.Failed<>(firstRefusal.orElse(StreamFailure.RESOLVE_FAILED)));
            return;
          }
          onLoop(loop, candidates, earlyData, key, result);
        });
    return result;
  }

  private void onLoop(
      EventLoop loop,
      List<InetSocketAddress> candidates,
      ByteBuffer earlyData,
      IsolationKey key,
      CompletableFuture<ExitResult<NioExit>> result) {
    Function<InetSocketAddress, Optional<InetAddress>> source =
        egress.isEmpty()
            ? NioExitConnector::noBind
            : target -> egress.get().choose(key, target.getAddress() instanceof Inet6Address);
    if (loop.inEventLoop()) {
      OutboundConnect.start(loop, candidates, earlyData, timeoutNanos, source, result);
    } else if (!loop.tryExecute(
        () -> OutboundConnect.start(loop, candidates, earlyData, timeoutNanos, source, result))) {
      result.complete(new ExitResult.Failed<>(StreamFailure.GENERAL));
    }
  }
}
