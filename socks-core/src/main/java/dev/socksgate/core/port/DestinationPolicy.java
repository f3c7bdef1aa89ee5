package dev.socksgate.core.port;

import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import java.util.Optional;

/**
 * Refuses destinations before any network activity (Tor's policy layer, Tor reference §8): internal
 * addresses, {@code .exit} names, port 0, and the like.
 */
public interface DestinationPolicy {

  /** Returns why {@code request} is refused, or empty to let it through. */
  Optional<StreamFailure> check(StreamRequest request);
}
