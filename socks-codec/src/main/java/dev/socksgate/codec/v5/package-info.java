/**
 * SOCKS5 messages (RFC 1928) and username/password authentication (RFC 1929), with Tor's
 * extensions: RESOLVE ({@code F0}), RESOLVE_PTR ({@code F1}), the retired CONNECT_DIR ({@code F2})
 * and the proposal 304 reply codes {@code F0}–{@code F7}. Decoders and encoders for both
 * directions.
 */
package dev.socksgate.codec.v5;
