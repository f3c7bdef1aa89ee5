/**
 * The transport's implementation, not exported: the event loop ({@link
 * dev.socksgate.transport.nio.internal.EventLoop}) with its deadline heap, endpoints with interest
 * ops as desired state, the acceptor, the client connection's state machine, the relay with one
 * bounded pipe per direction, the per-loop buffer pool and the outbound connect.
 *
 * <p>Every class here is confined to one event-loop thread unless its Javadoc says otherwise;
 * mutating methods start with {@code assert loop.inEventLoop()}.
 */
package dev.socksgate.transport.nio.internal;
