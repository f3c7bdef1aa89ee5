/**
 * Tor's stream isolation as an {@link dev.socksgate.core.port.IsolationPolicy} (Tor reference §13).
 */
package dev.socksgate.core.isolation;
