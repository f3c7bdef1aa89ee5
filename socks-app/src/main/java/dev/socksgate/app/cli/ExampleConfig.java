package dev.socksgate.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes the distribution's example config file: every option a config file may hold, each with the
 * description {@code --help} shows and a commented-out line with its default (or, without one, what
 * its value looks like). Generated from the same option declarations as the help at build time, so
 * the two cannot drift apart. Uncommenting a line with a default changes nothing.
 */
public final class ExampleConfig {

  /** Options a config file cannot hold ({@link ConfigFile} refuses them). */
  static final Set<String> NOT_IN_FILES = Set.of("config", "check", "help", "version");

  private static final int WIDTH = 98;

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
    Files.writeString(out, text(), StandardCharsets.UTF_8);
  }

  /** Returns the example config's text. */
  static String text() {
    CommandLine cmd =
        new CliParser(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
            .commandLine(new CliOptions());
    StringBuilder b = new StringBuilder();
    comment(b, "SocksGate configuration. Use it with: bin/socksgate --config conf/socksgate.conf");
    comment(
        b,
        "One option per line: the long option's name without '--', a space, the value "
            + "(a name alone turns a switch on); lines starting with '#' are comments. Options "
            + "given on the command line win over this file; a --socks-port given there replaces "
            + "the file's listeners. Every line below is commented out, so the defaults apply; "
            + "uncomment and edit the ones you need. The descriptions are those of 'socksgate "
            + "--help', which this file is made from when the distribution is built.");
    for (OptionSpec option : cmd.getCommandSpec().options()) {
      String key = option.longestName().replaceFirst("^--", "");
      if (NOT_IN_FILES.contains(key)) {
        continue;
      }
      b.append('\n');
      comment(b, String.join(" ", option.description()));
      b.append('#').append(key).append(' ').append(value(option)).append('\n');
    }
    return b.toString();
  }

  /** The default value where there is one, else the value's placeholder. */
  private static String value(OptionSpec option) {
    String d = option.defaultValue();
    if (d != null) {
      return d;
    }
    return option.paramLabel().replace("\"", "");
  }

  /** Appends {@code text} as '#' lines wrapped at {@value #WIDTH} columns. */
  private static void comment(StringBuilder b, String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder("#");
    for (String word : text.trim().split("\\s+")) {
      if (line.length() > 1 && line.length() + 1 + word.length() > WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder("#");
      }
      line.append(' ').append(word);
    }
    lines.add(line.toString());
    lines.forEach(l -> b.append(l).append('\n'));
  }
}
