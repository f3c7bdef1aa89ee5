/**
 * SOCKS4 and SOCKS4a messages (the SOCKS4 protocol document and its 4A extension), with Tor's
 * RESOLVE ({@code F0}) and RESOLVE_PTR ({@code F1}) commands: request decoding for servers, request
 * encoding for clients, and replies in both directions.
 */
package dev.socksgate.codec.v4;
