package dev.socksgate.app.cli;

import dev.socksgate.app.config.AppConfig;

/** What the command line asked for: run the server (or only check it), or exit with a code. */
public sealed interface Invocation permits Invocation.Run, Invocation.Exit {

  /**
   * Start the server with this configuration.
   *
   * @param config the resolved configuration
   * @param checkOnly build everything, bind nothing, exit 0
   * @param snapshot the configuration with its command line, for a reload
   */
  record Run(AppConfig config, boolean checkOnly, ConfigSnapshot snapshot) implements Invocation {}

  /**
   * Everything was done already (help, version, a subcommand): exit with this code.
   *
   * @param code the process exit code
   */
  record Exit(int code) implements Invocation {}
}
