/**
 * HTTP/1.x request heads and responses for an HTTP CONNECT tunnel (RFC 9110 §9.3.6, RFC 9112 §2–§5;
 * Tor's {@code HTTPTunnelPort}, torspec {@code http-connect}): an incremental, bounded decoder for
 * the request line and header fields, the CONNECT authority ({@code host:port}, {@code
 * [IPv6]:port}) and an encoder for the status lines the server answers with. No bodies, no chunked
 * coding: a tunnel needs none.
 */
package dev.socksgate.codec.http;
