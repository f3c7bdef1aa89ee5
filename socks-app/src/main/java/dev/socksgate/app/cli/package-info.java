/**
 * The command line and the config file: picocli parses long options in Tor's terms into an {@link
 * dev.socksgate.app.config.AppConfig}; a config file holds the same keys, one per line.
 */
package dev.socksgate.app.cli;
