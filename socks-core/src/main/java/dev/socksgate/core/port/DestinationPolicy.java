package dev.socksgate.core.port;

import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refuses destinations before any network activity (Tor's policy layer, Tor reference §8
 * (docs/tor-reference.md)): internal addresses, {@code .exit} names, port 0, an operator's exit
 * policy, and the like; and judges what a lookup returns. Called on the thread that runs the use
 * case or the exit connector; implementations must not block.
 */
public interface DestinationPolicy {

  /** A policy that refuses nothing. */
  DestinationPolicy ALLOW_ALL = request -> Optional.empty();

  /** Returns why {@code request} is refused, or empty to let it through (before any lookup). */
  Optional<StreamFailure> check(StreamRequest request);

  /**
   * Returns why an address that a lookup of {@code request}'s name returned may not be used, or
   * empty if it may: for RESOLVE, whether it may be handed to the client; for CONNECT, whether it
   * may be connected to (an exit that looks names up itself asks for every answer and tries only
   * the allowed ones). Tor drops internal addresses from answers under
   * ClientDNSRejectInternalAddresses, and fails the lookup when no answer is left (Tor reference
   * §7). Not consulted for an address literal, which {@link #check} judges. The default allows
   * every answer.
   *
   * @param request the request whose name was looked up
   * @param answer one address the resolver returned
   */
  default Optional<StreamFailure> checkAnswer(StreamRequest request, InetAddress answer) {
    return Optional.empty();
  }

  /**
   * Returns why the name a RESOLVE_PTR lookup returned may not be handed to the client, or empty if
   * it may. The default allows every name.
   *
   * @param request the RESOLVE_PTR request
   * @param name the name the reverse lookup returned
   */
  default Optional<StreamFailure> checkReverseAnswer(StreamRequest request, String name) {
    return Optional.empty();
  }

  /**
   * Returns a policy that asks each of {@code policies} in order and refuses with the first
   * refusal.
   */
  static DestinationPolicy allOf(List<? extends DestinationPolicy> policies) {
    List<DestinationPolicy> all = List.copyOf(policies);
    if (all.size() == 1) {
      return all.get(0);
    }
    return new DestinationPolicy() {
      @Override
      public Optional<StreamFailure> check(StreamRequest request) {
        return firstRefusal(all, p -> p.check(request));
      }

      @Override
      public Optional<StreamFailure> checkAnswer(StreamRequest request, InetAddress answer) {
        return firstRefusal(all, p -> p.checkAnswer(request, answer));
      }

      @Override
      public Optional<StreamFailure> checkReverseAnswer(StreamRequest request, String name) {
        return firstRefusal(all, p -> p.checkReverseAnswer(request, name));
      }

      @Override
      public String toString() {
        return "allOf" + all;
      }
    };
  }

  private static Optional<StreamFailure> firstRefusal(
      List<DestinationPolicy> policies, Function<DestinationPolicy, Optional<StreamFailure>> ask) {
    for (DestinationPolicy p : policies) {
      Optional<StreamFailure> f = ask.apply(p);
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }
}
