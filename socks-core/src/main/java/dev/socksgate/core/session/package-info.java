/**
 * The use case (driving port): {@link dev.socksgate.core.session.StreamService} runs a request that
 * finished its handshake through the destination policy, the isolation policy, the resolver and the
 * exit connector, and returns the reply to send with what to do next.
 */
package dev.socksgate.core.session;
