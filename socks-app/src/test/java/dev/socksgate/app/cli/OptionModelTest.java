package dev.socksgate.app.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each option is declared once, and every place a user reads about it says the same: {@code
 * --help}, the example config and the table in docs/configuration.md, each with the same default.
 */
class OptionModelTest {

  private static final Path DOCS = Path.of("..", "docs", "configuration.md");

  private static final List<List<Option<?>>> COMMANDS =
      List.of(ServerOptions.ALL, BenchArguments.ALL, PasswdCommand.ALL, DoctorArguments.ALL);

  @Test
  void declarations_areUnique_andEveryDefaultParses() {
    for (List<Option<?>> options : COMMANDS) {
      Set<String> names = new HashSet<>();
      for (Option<?> o : options) {
        assertTrue(names.add(o.name()), o.name());
        o.defaultValue()
            .ifPresent(d -> assertDoesNotThrow(() -> o.parse().apply(d), o.name() + " " + d));
        if (o.defaultValue().isPresent() && o.kind() == Option.Kind.VALUE) {
          assertEquals(o.defaultValue().get(), o.defaultDoc(), o.name());
        }
      }
      assertDoesNotThrow(() -> new ArgParser(options));
    }
  }

  @Test
  void help_showsEveryOption_withItsDefault() {
    String help = CliParser.usage();
    String flat = help.replaceAll("\\s+", " ");
    for (Option<?> o : ServerOptions.ALL) {
      assertTrue(help.contains("--" + o.name()), o.name());
      assertTrue(flat.contains(Usage.helpLine(o)), o.name() + ": " + Usage.helpLine(o));
      if (!o.defaultDoc().isEmpty()) {
        assertTrue(flat.contains("Default: " + o.defaultDoc() + "."), o.name());
      }
    }
    assertTrue(help.lines().allMatch(l -> l.length() <= Usage.WIDTH), help);
    String bench = BenchArguments.usage().replaceAll("\\s+", " ");
    for (Option<?> o : BenchArguments.ALL) {
      assertTrue(bench.contains(Usage.helpLine(o)), o.name());
    }
  }

  @Test
  void exampleConfig_showsTheSameDefaults() {
    String text = ExampleConfig.text(ServerOptions.ALL);
    for (Option<?> o : ServerOptions.ALL) {
      if (o.inFiles() && o.defaultValue().isPresent()) {
        assertTrue(
            text.lines().anyMatch(l -> l.equals("#" + o.name() + " " + o.defaultValue().get())),
            o.name());
      }
    }
  }

  @Test
  void docsTable_isTheDeclarations() throws IOException {
    String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
    String expected = ConfigDocs.table(ServerOptions.ALL);
    int begin = docs.indexOf(ConfigDocs.BEGIN);
    int end = docs.indexOf(ConfigDocs.END);
    assertTrue(begin >= 0 && end > begin, "docs/configuration.md has the markers");
    String actual = docs.substring(begin, end + ConfigDocs.END.length() + 1);
    if (!actual.equals(expected)) {
      Path fixed = Path.of("target", "configuration.md");
      Files.writeString(
          fixed,
          docs.substring(0, begin) + expected + docs.substring(end + ConfigDocs.END.length() + 1),
          StandardCharsets.UTF_8);
      assertEquals(
          expected,
          actual,
          "docs/configuration.md's options table is out of date; the fixed file is "
              + fixed.toAbsolutePath()
              + " (cp socks-app/target/configuration.md docs/)");
    }
    for (Option<?> o : ServerOptions.ALL) {
      String row =
          expected.lines().filter(l -> l.contains("`--" + o.name())).findFirst().orElseThrow();
      assertTrue(row.contains(" | " + (o.reloadable() ? "yes" : "–") + " | "), row);
      if (o.defaultValue().isPresent() && o.kind() == Option.Kind.VALUE) {
        assertTrue(row.contains("| `" + o.defaultValue().get() + "` |"), row);
      } else if (!o.defaultDoc().isEmpty()) {
        assertTrue(row.contains("| " + o.defaultDoc() + " |"), row);
      }
    }
    assertFalse(docs.contains("QuickParse"), "no word of the parser that is gone");
  }
}
