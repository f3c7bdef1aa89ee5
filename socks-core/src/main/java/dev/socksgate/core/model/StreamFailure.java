package dev.socksgate.core.model;

/**
 * Why a stream could not be opened or answered. Each kind maps to exactly one SOCKS5 REP and one
 * SOCKS4 CD, in {@code dev.socksgate.core.handshake.ReplyCodes} (Tor reference §9).
 */
public enum StreamFailure {
  /** Anything else (Tor MISC, INTERNAL, RESOURCELIMIT...): REP 01. */
  GENERAL,
  /** Refused by the server's own rules (Tor ENTRYPOLICY/EXITPOLICY): REP 02. */
  NOT_ALLOWED,
  /** Network unreachable (ENETUNREACH): REP 03. */
  NETWORK_UNREACHABLE,
  /** Host unreachable or no route (Tor NOROUTE): REP 04. */
  HOST_UNREACHABLE,
  /** The name did not resolve (Tor RESOLVEFAILED): REP 04. */
  RESOLVE_FAILED,
  /** The target refused or reset the connection (ECONNREFUSED, ECONNRESET): REP 05. */
  CONNECTION_REFUSED,
  /** The connection or the whole request timed out (Tor TIMEOUT): REP 06. */
  TIMED_OUT,
  /** An internal address refused by ClientRejectInternalAddresses (Tor PRIVATE_ADDR): REP 01. */
  PRIVATE_ADDRESS,
  /** A destination Tor refuses outright: port 0, {@code .exit} (Tor TORPROTOCOL): REP 01. */
  INVALID_DESTINATION,
  /** A malformed {@code .onion} name (Tor BAD_HOSTNAME): REP 01, or F6 with ExtendedErrors. */
  INVALID_ONION_ADDRESS
}
