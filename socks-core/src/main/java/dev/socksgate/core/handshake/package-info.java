/**
 * The sans-IO server handshake: {@link dev.socksgate.core.handshake.ServerHandshake} takes the
 * bytes a client sent and returns one {@link dev.socksgate.core.handshake.HandshakeStep} at a time,
 * producing exactly the bytes Tor's SOCKS front end sends (Tor reference §0–§7
 * (docs/tor-reference.md)), and {@link dev.socksgate.core.handshake.ReplyCodes}, the single mapping
 * from failures to reply codes.
 */
package dev.socksgate.core.handshake;
