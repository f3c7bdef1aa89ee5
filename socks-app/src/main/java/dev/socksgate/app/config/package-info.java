/**
 * The application's resolved configuration, in Tor's terms where Tor has one: listeners with their
 * SocksPort flags, timeouts, limits and safety options. Plain values, no framework.
 */
package dev.socksgate.app.config;
