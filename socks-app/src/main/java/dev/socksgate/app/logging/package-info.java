/**
 * Tor's SafeLogging for this server: {@link dev.socksgate.app.logging.SafeLogging} keeps client
 * addresses, destinations, host names and credentials out of log lines unless safe logging is
 * turned off.
 */
package dev.socksgate.app.logging;
