import org.jspecify.annotations.NullMarked;

/**
 * The SOCKS wire codec: value types for every SOCKS4, SOCKS4a and SOCKS5 (RFC 1928, RFC 1929)
 * message, with Tor's extensions (RESOLVE, RESOLVE_PTR, proposal 304 reply codes), the HTTP CONNECT
 * request head and answers of Tor's HTTPTunnelPort, incremental sans-IO decoders and encoders for
 * both the server and the client direction; and the PROXY protocol header (v1 and v2) that a load
 * balancer puts in front of a relayed connection.
 *
 * <p>This module depends on {@code java.base} only at run time ({@code requires static
 * org.jspecify} is for the null annotations, needed to compile it). It never blocks, never logs and
 * never touches a socket: callers own the bytes and the buffers.
 *
 * <p>{@code @NullMarked}: nothing in its API is null; a value that may be absent is an {@code
 * Optional}. NullAway checks this when the module compiles.
 */
@NullMarked
module dev.socksgate.codec {
  requires static org.jspecify;

  exports dev.socksgate.codec;
  exports dev.socksgate.codec.v4;
  exports dev.socksgate.codec.v5;
  exports dev.socksgate.codec.http;
  exports dev.socksgate.codec.proxy;
}
