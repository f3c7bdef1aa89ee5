/**
 * Tor's destination rules (Tor reference §7 (docs/tor-reference.md), §8) and its rate-limited
 * unsafe-SOCKS warning (§14), as default implementations of the core's policy ports.
 */
package dev.socksgate.core.policy;
