/**
 * The transport's public API. Build order: a {@link dev.socksgate.transport.nio.NioTransport} (the
 * event loops) first; then the adapters that need it ({@link
 * dev.socksgate.transport.nio.NioExitConnector}, and a {@link
 * dev.socksgate.transport.nio.JdkResolver}, which needs nothing); then the core's {@code
 * StreamService<NioExit>}; last the {@link dev.socksgate.transport.nio.NioSocksServer} with its
 * {@link dev.socksgate.transport.nio.NioServerConfig}. {@link
 * dev.socksgate.transport.nio.NioSocksServer#start()} starts the loops and binds the listeners;
 * {@link dev.socksgate.transport.nio.NioSocksServer#stop(java.time.Duration)} ends them.
 *
 * <p>Threading: every connection lives on one event-loop thread; port callbacks (authenticator,
 * resolver, exit connector) may complete on any thread and are handed back to that loop. {@link
 * dev.socksgate.transport.nio.ServerEvents} methods run on loop threads and must not block.
 */
package dev.socksgate.transport.nio;
