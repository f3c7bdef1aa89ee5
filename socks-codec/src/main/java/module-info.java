/**
 * The SOCKS wire codec: value types for every SOCKS4, SOCKS4a and SOCKS5 (RFC 1928, RFC 1929)
 * message, with Tor's extensions (RESOLVE, RESOLVE_PTR, proposal 304 reply codes), incremental
 * sans-IO decoders and encoders for both the server and the client direction.
 *
 * <p>This module depends on {@code java.base} only. It never blocks, never logs and never touches a
 * socket: callers own the bytes and the buffers.
 */
module dev.socksgate.codec {
  exports dev.socksgate.codec;
  exports dev.socksgate.codec.v4;
  exports dev.socksgate.codec.v5;
}
