package dev.socksgate.core.model;

/**
 * What a client may ask this server to do. A closed set on purpose: these are the commands the
 * server accepts after the handshake; every other wire command is refused by the handshake engine.
 */
public enum StreamCommand {
  /** Open a TCP stream to the target (RFC 1928 CONNECT, SOCKS4 CONNECT). */
  CONNECT,
  /** Tor's RESOLVE (F0): look the target name up and answer with an address. */
  RESOLVE,
  /** Tor's RESOLVE_PTR (F1), SOCKS5 only: look the target address up and answer with a name. */
  RESOLVE_PTR
}
