/**
 * Tor's stream isolation as an {@link dev.socksgate.core.port.IsolationPolicy} (Tor reference §13
 * (docs/tor-reference.md)).
 */
package dev.socksgate.core.isolation;
