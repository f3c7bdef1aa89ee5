package dev.socksgate.app.cli;

import java.util.List;

/**
 * Renders the options table of docs/configuration.md from the declarations; a test holds the file
 * to it, so the docs cannot drift from the code.
 */
final class ConfigDocs {

  /** The line before the table in docs/configuration.md. */
  static final String BEGIN =
      "<!-- options table: generated from ServerOptions; OptionModelTest checks it -->";

  /** The line after it. */
  static final String END = "<!-- end of options table -->";

  private ConfigDocs() {}

  /** Returns the table, between {@link #BEGIN} and {@link #END}. */
  static String table(List<Option<?>> options) {
    StringBuilder b = new StringBuilder(BEGIN).append('\n');
    b.append("| option | default | Tor equivalent | reload | meaning |\n");
    b.append("|---|---|---|---|---|\n");
    for (Option<?> o : options) {
      String name =
          (o.shortName().isEmpty() ? "" : "`-" + o.shortName() + "`, ") + code(o.synopsis());
      String meaning = o.details().isEmpty() ? o.help() : o.help() + " " + o.details();
      b.append("| ")
          .append(name)
          .append(" | ")
          .append(defaultCell(o))
          .append(" | ")
          .append(o.torName().map(ConfigDocs::tor).orElse("–"))
          .append(" | ")
          .append(o.reloadable() ? "yes" : "–")
          .append(" | ")
          .append(cell(meaning))
          .append(" |\n");
    }
    return b.append(END).append('\n').toString();
  }

  private static String defaultCell(Option<?> o) {
    if (o.kind() == Option.Kind.SWITCH) {
      return "–";
    }
    if (o.defaultValue().isPresent() && o.kind() == Option.Kind.VALUE) {
      return code(o.defaultValue().get());
    }
    return cell(o.defaultDoc());
  }

  /** Tor's names in code, and any remark after them as text. */
  private static String tor(String names) {
    int remark = names.indexOf(" (");
    String list = remark < 0 ? names : names.substring(0, remark);
    StringBuilder b = new StringBuilder();
    for (String n : list.split(", ")) {
      b.append(b.length() == 0 ? "" : ", ").append(code(n));
    }
    return remark < 0 ? b.toString() : b + names.substring(remark);
  }

  private static String code(String s) {
    return "`" + s + "`";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
