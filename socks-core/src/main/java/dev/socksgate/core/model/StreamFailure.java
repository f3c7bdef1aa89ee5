package dev.socksgate.core.model;

/**
 * Why a stream could not be opened or answered. Each kind maps to exactly one SOCKS5 REP and one
 * SOCKS4 CD, in {@code dev.socksgate.core.handshake.ReplyCodes} (Tor reference §9
 * (docs/tor-reference.md)). The onion kinds exist so that an exit in front of a real Tor (an
 * upstream SOCKS5 exit) can pass Tor's proposal 304 codes through to clients on an ExtendedErrors
 * listener.
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
  INVALID_ONION_ADDRESS,
  /** Onion service descriptor not found (proposal 304): REP 01, or F0 with ExtendedErrors. */
  ONION_DESCRIPTOR_NOT_FOUND,
  /** Onion service descriptor invalid: REP 01, or F1 with ExtendedErrors. */
  ONION_DESCRIPTOR_INVALID,
  /** Onion service introduction failed: REP 01, or F2 with ExtendedErrors. */
  ONION_INTRODUCTION_FAILED,
  /** Onion service rendezvous failed: REP 01, or F3 with ExtendedErrors. */
  ONION_RENDEZVOUS_FAILED,
  /** Onion service client authorization missing: REP 01, or F4 with ExtendedErrors. */
  ONION_CLIENT_AUTH_MISSING,
  /** Onion service client authorization wrong: REP 01, or F5 with ExtendedErrors. */
  ONION_CLIENT_AUTH_BAD,
  /** Onion service introduction timed out: REP 01, or F7 with ExtendedErrors. */
  ONION_INTRODUCTION_TIMED_OUT
}
