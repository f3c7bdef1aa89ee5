/**
 * {@code socksgate bench}: a load generator for any SOCKS5 server, with a built-in loopback origin
 * so that every byte it sends is checked when it comes back. It speaks SOCKS through the codec's
 * client direction ({@code Socks5Greeting}, {@code Socks5Request.toBytes()}, {@code
 * Socks5MethodSelection.decode}, {@code Socks5Reply.decode}) and drives its sockets from its own
 * small selector loops ({@link dev.socksgate.app.bench.Reactor}), one per generator thread.
 *
 * <p>Scenarios: bulk transfer, connection churn, ping-pong latency, idle tunnels and start-up time;
 * {@code --direct} runs each without a proxy, as the baseline. Every run is bounded in time and in
 * count and talks to loopback addresses only. See docs/benchmarks.md.
 *
 * <p>Null-marked like the rest of the app, and checked by NullAway: the generator's state machines
 * keep fields that are set as a connection progresses ({@code @Nullable} where declared, read
 * through a local or an accessor that fails fast), and a result that may be absent is an {@code
 * Optional}.
 */
package dev.socksgate.app.bench;
