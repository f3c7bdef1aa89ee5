package dev.socksgate.core.session;

import dev.socksgate.codec.DomainName;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.DestinationPolicy;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.ExitResult;
import dev.socksgate.core.port.IsolationPolicy;
import dev.socksgate.core.port.Resolver;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The use case: runs a request that finished its handshake. RESOLVE goes to the resolver,
 * RESOLVE_PTR to the reverse resolver, CONNECT to the exit connector with the request's isolation
 * key; each passes the destination policy first, and RESOLVE answers pass it again ({@link
 * DestinationPolicy#checkAnswer}, RESOLVE_PTR names {@link DestinationPolicy#checkReverseAnswer}).
 * The returned stage never completes exceptionally: every failure of a port becomes a {@link
 * StreamOutcome.Refused} with the one reply {@code ReplyCodes} maps it to.
 *
 * <p>Thread-safe if its ports are. It chooses no threads: continuations run on the thread that
 * completes the port's stage.
 *
 * @param <E> the exit adapter's stream handle
 */
public final class StreamService<E> {

  private final Resolver resolver;
  private final ExitConnector<E> exits;
  private final IsolationPolicy isolation;
  private final DestinationPolicy destinations;

  /** Assembles the use case from its ports. */
  public StreamService(
      Resolver resolver,
      ExitConnector<E> exits,
      IsolationPolicy isolation,
      DestinationPolicy destinations) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.exits = Objects.requireNonNull(exits, "exits");
    this.isolation = Objects.requireNonNull(isolation, "isolation");
    this.destinations = Objects.requireNonNull(destinations, "destinations");
  }

  /**
   * Runs {@code request}.
   *
   * @param request a request from the handshake engine
   * @param earlyData optimistic data that followed the request; handed to the exit connector for
   *     CONNECT, discarded otherwise (as Tor does after RESOLVE)
   * @return the outcome; never completes exceptionally
   */
  public CompletionStage<StreamOutcome<E>> open(StreamRequest request, ByteBuffer earlyData) {
    try {
      return switch (request.command()) {
        case RESOLVE -> resolve(request);
        case RESOLVE_PTR -> reverse(request);
        case CONNECT -> connect(request, earlyData);
      };
    } catch (RuntimeException e) {
      // A port that throws instead of completing its stage must not take the caller down. It
      // ends like a port that failed its stage: GENERAL for CONNECT, RESOLVE_FAILED for lookups.
      return done(
          refused(
              request,
              request.command() == StreamCommand.CONNECT
                  ? StreamFailure.GENERAL
                  : StreamFailure.RESOLVE_FAILED));
    }
  }

  /**
   * Returns the reply for {@code request} failing with {@code failure}, for callers that end a
   * request themselves (a SocksTimeout expiring while the request is pending sends TIMED_OUT).
   */
  public ByteBuffer failureReply(StreamRequest request, StreamFailure failure) {
    return Replies.failure(request, failure);
  }

  private CompletionStage<StreamOutcome<E>> resolve(StreamRequest request) {
    Host host = request.target().host();
    if (host instanceof Host.Address a) {
      return done(answer(request, a.address()));
    }
    Optional<StreamFailure> refused = destinations.check(request);
    if (refused.isPresent()) {
      return done(refused(request, refused.get()));
    }
    IsolationKey key = isolation.keyFor(request);
    return recover(
        request,
        StreamFailure.RESOLVE_FAILED,
        resolver
            .resolve(((Host.Name) host).name(), key)
            .thenApply(
                answers ->
                    pick(
                            request,
                            answers.stream()
                                .filter(a -> destinations.checkAnswer(request, a).isEmpty())
                                .collect(Collectors.toList()))
                        .map(a -> answer(request, a))
                        .orElseGet(() -> refused(request, StreamFailure.RESOLVE_FAILED))));
  }

  private CompletionStage<StreamOutcome<E>> reverse(StreamRequest request) {
    Optional<StreamFailure> refused = destinations.check(request);
    if (refused.isPresent()) {
      return done(refused(request, refused.get()));
    }
    InetAddress address = ((Host.Address) request.target().host()).address();
    return recover(
        request,
        StreamFailure.RESOLVE_FAILED,
        resolver
            .reverse(address, isolation.keyFor(request))
            .thenApply(
                name ->
                    name.filter(n -> destinations.checkReverseAnswer(request, n).isEmpty())
                        .flatMap(StreamService::asDomain)
                        .<StreamOutcome<E>>map(n -> new StreamOutcome.Answered<>(Replies.named(n)))
                        .orElseGet(() -> refused(request, StreamFailure.RESOLVE_FAILED))));
  }

  private CompletionStage<StreamOutcome<E>> connect(StreamRequest request, ByteBuffer earlyData) {
    Optional<StreamFailure> refused = destinations.check(request);
    if (refused.isPresent()) {
      return done(refused(request, refused.get()));
    }
    IsolationKey key = isolation.keyFor(request);
    return recover(
        request,
        StreamFailure.GENERAL,
        exits
            .connect(request, key, earlyData)
            .thenApply(
                result -> {
                  if (result instanceof ExitResult.Connected<E> c) {
                    return new StreamOutcome.Relay<>(c.exit(), Replies.connected(request));
                  }
                  return refused(request, ((ExitResult.Failed<E>) result).failure());
                }));
  }

  /**
   * Tor prefers the first IPv4 answer; SOCKS4 can carry nothing else (Tor reference §7
   * (docs/tor-reference.md)).
   */
  private static Optional<InetAddress> pick(StreamRequest request, List<InetAddress> answers) {
    Optional<InetAddress> v4 = answers.stream().filter(a -> a instanceof Inet4Address).findFirst();
    if (v4.isPresent() || request.protocol().version() == 4) {
      return v4;
    }
    return answers.stream().findFirst();
  }

  private StreamOutcome<E> answer(StreamRequest request, InetAddress address) {
    return Replies.resolved(request, address)
        .<StreamOutcome<E>>map(StreamOutcome.Answered::new)
        .orElseGet(() -> refused(request, StreamFailure.NOT_ALLOWED));
  }

  private static Optional<DomainName> asDomain(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0 || bytes.length > 255 || name.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    return Optional.of(DomainName.of(bytes));
  }

  private StreamOutcome<E> refused(StreamRequest request, StreamFailure failure) {
    return new StreamOutcome.Refused<>(failure, Replies.failure(request, failure));
  }

  private CompletionStage<StreamOutcome<E>> recover(
      StreamRequest request, StreamFailure failure, CompletionStage<StreamOutcome<E>> stage) {
    return stage.handle(
        (outcome, error) -> outcome != null && error == null ? outcome : refused(request, failure));
  }

  private static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
