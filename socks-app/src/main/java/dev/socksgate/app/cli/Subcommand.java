package dev.socksgate.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * A subcommand's frame: parse its options, answer {@code --help}, report a usage error with the
 * subcommand's usage (exit 2) and a failure in one line (exit 1), so that {@code passwd} and {@code
 * bench} behave alike.
 *
 * @param name the word after {@code socksgate}
 * @param usage its {@code --help} text
 * @param options its declarations, {@link ServerOptions#HELP} among them
 */
record Subcommand(String name, String usage, List<Option<?>> options) {

  /** What the subcommand does with its parsed options. */
  @FunctionalInterface
  interface Body {
    /**
     * Runs it.
     *
     * @return the exit status
     * @throws UsageException when the options do not fit together (exit 2)
     * @throws IOException or {@link IllegalArgumentException} when it fails (exit 1)
     * @throws InterruptedException if interrupted (exit 1)
     */
    int run(ParsedOptions options) throws UsageException, IOException, InterruptedException;
  }

  /** Runs {@code body} on {@code args} (the arguments after the subcommand's name). */
  int run(List<String> args, PrintWriter out, PrintWriter err, Body body) {
    try {
      ParsedOptions parsed = new ArgParser(options).parse(args);
      if (parsed.get(ServerOptions.HELP)) {
        out.print(usage);
        return 0;
      }
      return body.run(parsed);
    } catch (UsageException e) {
      err.println("socksgate " + name + ": " + e.getMessage());
      err.print(usage);
      return 2;
    } catch (IOException | IllegalArgumentException e) {
      err.println("socksgate " + name + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("socksgate " + name + ": interrupted");
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
