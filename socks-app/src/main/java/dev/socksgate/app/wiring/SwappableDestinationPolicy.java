package dev.socksgate.app.wiring;

import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.DestinationPolicy;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The destination policy (Tor's internal-address rules, then {@code --exit-policy}) that the core
 * and the direct exit ask, replaced whole on reload: requests checked after {@link #set} meet the
 * new rules; a stream already open is not judged again.
 */
final class SwappableDestinationPolicy implements DestinationPolicy {

  private volatile DestinationPolicy target;

  SwappableDestinationPolicy(DestinationPolicy initial) {
    this.target = Objects.requireNonNull(initial, "initial");
  }

  void set(DestinationPolicy next) {
    target = Objects.requireNonNull(next, "next");
  }

  @Override
  public Optional<StreamFailure> check(StreamRequest request) {
    return target.check(request);
  }

  @Override
  public Optional<StreamFailure> checkAnswer(StreamRequest request, InetAddress answer) {
    return target.checkAnswer(request, answer);
  }

  @Override
  public Optional<StreamFailure> checkReverseAnswer(StreamRequest request, String name) {
    return target.checkReverseAnswer(request, name);
  }
}
