package dev.socksgate.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the distribution's example config file: every option a config file may hold, each with the
 * help line {@code --help} shows and a commented-out line with its default (or, without one, what
 * its value looks like). Generated from the option declarations at build time, so the two cannot
 * drift apart. Uncommenting a line with a default changes nothing.
 */
public final class ExampleConfig {

  /** Comment lines are wrapped at this many columns. */
  static final int WIDTH = 98;

  private ExampleConfig() {}

  /**
   * Writes the example to the file named by the one argument.
   *
   * @param args the output file
   * @throws IOException if it cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ExampleConfig OUTPUT-FILE");
    }
    Path out = Path.of(args[0]);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, text(ServerOptions.ALL), StandardCharsets.UTF_8);
  }

  /** Returns the example config's text for {@code options}. */
  static String text(List<Option<?>> options) {
    StringBuilder b = new StringBuilder();
    Usage.wrap(
        b,
        "# ",
        "SocksGate configuration. Use it with: bin/socksgate --config conf/socksgate.conf",
        WIDTH);
    Usage.wrap(
        b,
        "# ",
        "One option per line: the long option's name without '--', a space, the value (a"
            + " boolean's name alone means true); lines starting with '#' are comments. Options"
            + " given on the command line win over this file; a repeatable option given there"
            + " (such as --socks-port) replaces the file's values. Every line below is commented"
            + " out, so the defaults apply; uncomment and edit the ones you need. The"
            + " descriptions are those of 'socksgate --help', which this file is made from when"
            + " the distribution is built.",
        WIDTH);
    for (Option<?> option : options) {
      if (!option.inFiles()) {
        continue;
      }
      b.append('\n');
      Usage.wrap(b, "# ", Usage.helpLine(option), WIDTH);
      b.append('#').append(option.name()).append(' ').append(value(option)).append('\n');
    }
    return b.toString();
  }

  /** The default value where there is one, else the value's placeholder. */
  private static String value(Option<?> option) {
    return option.defaultValue().orElse(option.label().replace("\"", ""));
  }
}
