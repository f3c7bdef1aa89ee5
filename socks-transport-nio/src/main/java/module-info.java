import org.jspecify.annotations.NullMarked;

/**
 * The NIO transport of SocksGate: plumbing around the sans-IO core. A fixed set of event-loop
 * threads, each owning one {@link java.nio.channels.Selector}, accepts clients on any number of
 * listeners, feeds their bytes to the core's handshake engine, runs each finished request through
 * the core's use case, and relays the resulting streams with bounded buffers, backpressure and
 * half-close. It also provides the adapters for two of the core's ports: a direct exit connector
 * ({@link dev.socksgate.transport.nio.NioExitConnector}) and a resolver over the JDK's lookups
 * ({@link dev.socksgate.transport.nio.JdkResolver}).
 *
 * <p>Only {@code dev.socksgate.transport.nio} is exported; the implementation lives in the
 * unexported {@code dev.socksgate.transport.nio.internal}. The module uses no dependency injection
 * framework: every type is built with its constructor.
 *
 * <p>{@code @NullMarked}: nothing in its API is null; a value that may be absent is an {@code
 * Optional}. NullAway checks this when the module compiles.
 */
@NullMarked
module dev.socksgate.transport.nio {
  requires static org.jspecify;
  requires transitive dev.socksgate.core;
  requires org.slf4j;

  exports dev.socksgate.transport.nio;
}
