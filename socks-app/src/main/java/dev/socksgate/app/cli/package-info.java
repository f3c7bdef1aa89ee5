/**
 * The command line and the config file. Every option is declared once ({@link
 * dev.socksgate.app.cli.ServerOptions}, as {@link dev.socksgate.app.cli.Option} values), and that
 * declaration drives the parser, the config file, {@code --help}, the example config and the
 * options table of docs/configuration.md. The options are named in Tor's terms and become an {@link
 * dev.socksgate.app.config.AppConfig}.
 */
package dev.socksgate.app.cli;
