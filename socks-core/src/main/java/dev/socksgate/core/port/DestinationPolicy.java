package dev.socksgate.core.port;

import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Refuses destinations before any network activity (Tor's policy layer, Tor reference §8
 * (docs/tor-reference.md)): internal addresses, {@code .exit} names, port 0, and the like. Called
 * on the thread that runs the use case; implementations must not block.
 */
public interface DestinationPolicy {

  /** Returns why {@code request} is refused, or empty to let it through. */
  Optional<StreamFailure> check(StreamRequest request);

  /**
   * Returns true if a resolver's answer may be handed to the client. Tor drops internal addresses
   * from RESOLVE answers under ClientDNSRejectInternalAddresses, and fails the lookup when no
   * answer is left (Tor reference §7). Not consulted for a RESOLVE of an address literal, which is
   * answered at once. The default keeps every answer.
   *
   * @param answer one address a resolver returned
   */
  default boolean allowsAnswer(InetAddress answer) {
    return true;
  }
}
