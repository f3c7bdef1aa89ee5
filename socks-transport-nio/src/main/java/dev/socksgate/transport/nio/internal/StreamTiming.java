package dev.socksgate.transport.nio.internal;

/**
 * What a client connection hands its relay about the stream so far: when it was accepted and how
 * long the handshake and the connect took (loop clock, nanoseconds), and the counters to add to.
 *
 * @param acceptedAt the loop clock at accept
 * @param handshakeNanos accept to complete request
 * @param connectNanos complete request to the success reply
 * @param earlyBytes the request's early data (the client's bytes after it), relayed up by the exit
 *     or the relay
 * @param stats the loop's counters for the client's listener
 */
record StreamTiming(
    long acceptedAt,
    long handshakeNanos,
    long connectNanos,
    long earlyBytes,
    ListenerStats stats) {}
