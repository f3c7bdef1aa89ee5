package dev.socksgate.core.handshake;

/**
 * Server-wide handshake settings.
 *
 * @param requireAuthentication offer only RFC 1929 username/password (clients that do not offer
 *     method 02 get {@code 05 FF}) and ask for a verdict on every credential. Off by default, as in
 *     Tor, where credentials only select isolation
 * @param safeSocks Tor's SafeSocks: refuse requests that carry only an IP address for CONNECT or
 *     RESOLVE (Tor reference §14 (docs/tor-reference.md))
 */
public record HandshakeOptions(boolean requireAuthentication, boolean safeSocks) {

  /** Tor's defaults: every credential accepted, SafeSocks off. */
  public static final HandshakeOptions TOR_DEFAULTS = new HandshakeOptions(false, false);
}
