package dev.socksgate.app.cli;

import java.util.ArrayList;
import java.util.List;

/** Renders {@code --help} from option declarations. */
final class Usage {

  /** Help lines are wrapped at this many columns. */
  static final int WIDTH = 80;

  private static final String INDENT = "      ";

  private Usage() {}

  /**
   * Returns the help text.
   *
   * @param synopsis the usage lines, first one without "Usage: "
   * @param description what the command does, a paragraph
   * @param options the command's options, in order
   */
  static String render(List<String> synopsis, String description, List<Option<?>> options) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < synopsis.size(); i++) {
      b.append(i == 0 ? "Usage: " : "       ").append(synopsis.get(i)).append('\n');
    }
    b.append('\n');
    wrap(b, "", description);
    b.append("\nOptions:\n");
    for (Option<?> o : options) {
      String head = o.shortName().isEmpty() ? "  " : "  -" + o.shortName() + ", ";
      b.append(head).append(o.synopsis()).append('\n');
      wrap(b, INDENT, helpLine(o));
    }
    return b.toString();
  }

  /** The option's help with its default (and Tor's name) after it, as every place shows it. */
  static String helpLine(Option<?> o) {
    StringBuilder s = new StringBuilder(o.help());
    if (!o.defaultDoc().isEmpty()) {
      s.append(" Default: ").append(o.defaultDoc()).append('.');
    }
    o.torName().ifPresent(t -> s.append(" Tor: ").append(t).append('.'));
    return s.toString();
  }

  /** Appends {@code text} wrapped at {@link #WIDTH}, each line after {@code prefix}. */
  static void wrap(StringBuilder b, String prefix, String text) {
    wrap(b, prefix, text, WIDTH);
  }

  static void wrap(StringBuilder b, String prefix, String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(prefix);
    for (String word : text.strip().split("\\s+", -1)) {
      if (line.length() > prefix.length() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line = new StringBuilder(prefix);
      }
      if (line.length() > prefix.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    lines.forEach(l -> b.append(l).append('\n'));
  }
}
