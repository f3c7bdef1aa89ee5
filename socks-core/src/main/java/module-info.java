import org.jspecify.annotations.NullMarked;

/**
 * The SOCKS server's domain: a sans-IO handshake engine that decides every byte a client sees
 * before relaying starts, the stream model, the driven ports (resolver, exit connector, isolation
 * policy, authenticator, destination policy), the use case that runs a request through them, and
 * Tor's stream isolation semantics.
 *
 * <p>Requires only the codec at run time. It never logs, injects, spawns threads, reads clocks or
 * touches a socket; adapters in other modules implement its ports.
 *
 * <p>{@code @NullMarked}: nothing in its API is null; a value that may be absent is an {@code
 * Optional}. NullAway checks this when the module compiles.
 */
@NullMarked
module dev.socksgate.core {
  requires static org.jspecify;
  requires transitive dev.socksgate.codec;

  exports dev.socksgate.core.model;
  exports dev.socksgate.core.port;
  exports dev.socksgate.core.handshake;
  exports dev.socksgate.core.session;
  exports dev.socksgate.core.isolation;
  exports dev.socksgate.core.policy;
}
