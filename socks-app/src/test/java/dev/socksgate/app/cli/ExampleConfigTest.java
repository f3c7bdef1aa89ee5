package dev.socksgate.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class ExampleConfigTest {

  @TempDir Path dir;

  private final CliParser parser =
      new CliParser(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

  private List<OptionSpec> fileOptions() {
    CommandLine cmd = parser.commandLine(new CliOptions());
    return cmd.getCommandSpec().options().stream()
        .filter(o -> !ExampleConfig.NOT_IN_FILES.contains(o.longestName().substring(2)))
        .collect(Collectors.toList());
  }

  @Test
  void everyOptionAConfigFileMayHold_appearsOnce_withItsHelpText() {
    String text = ExampleConfig.text();
    String flat = text.replaceAll("\n# ?", " ").replaceAll("\\s+", " ");
    List<OptionSpec> options = fileOptions();
    long declared =
        Arrays.stream(CliOptions.class.getDeclaredFields())
            .filter(f -> f.isAnnotationPresent(CommandLine.Option.class))
            .count();
    assertEquals(declared - 2, options.size(), "CliOptions' options but config and check");
    for (OptionSpec o : options) {
      String key = o.longestName().substring(2);
      long lines = text.lines().filter(l -> l.startsWith("#" + key + " ")).count();
      assertEquals(1, lines, key);
      String help = String.join(" ", o.description()).replaceAll("\\s+", " ");
      assertTrue(flat.contains(help), "the help text of " + key + ": " + help);
    }
    for (String absent : ExampleConfig.NOT_IN_FILES) {
      assertTrue(text.lines().noneMatch(l -> l.startsWith("#" + absent + " ")), absent);
    }
    assertTrue(text.lines().allMatch(l -> l.isEmpty() || l.startsWith("#")), "all commented");
    assertTrue(text.lines().allMatch(l -> l.length() <= 98), "wrapped");
  }

  @Test
  void asWritten_theFileHoldsNoOption() throws Exception {
    Path file = dir.resolve("socksgate.conf");
    ExampleConfig.main(new String[] {file.toString()});
    assertEquals(List.of(), ConfigFile.read(file));
    assertInstanceOf(
        Invocation.Run.class, parser.parse(new String[] {"--config", file.toString()}));
  }

  @Test
  void uncommentingALineWithADefault_parsesToTheDefaults() throws Exception {
    Invocation.Run defaults = assertInstanceOf(Invocation.Run.class, parser.parse(new String[0]));
    int withDefault = 0;
    for (String line : ExampleConfig.text().lines().collect(Collectors.toList())) {
      String key =
          line.startsWith("#") && !line.startsWith("# ") && line.contains(" ")
              ? line.substring(1, line.indexOf(' '))
              : null;
      OptionSpec option =
          key == null
              ? null
              : fileOptions().stream()
                  .filter(o -> o.longestName().equals("--" + key))
                  .findFirst()
                  .orElse(null);
      if (option == null || option.defaultValue() == null) {
        continue;
      }
      withDefault++;
      Path file = dir.resolve(key + ".conf");
      Files.writeString(file, line.substring(1) + "\n");
      Invocation.Run run =
          assertInstanceOf(
              Invocation.Run.class, parser.parse(new String[] {"--config", file.toString()}), line);
      assertEquals(defaults.config(), run.config(), line);
    }
    assertTrue(withDefault >= 10, "most options have a default: " + withDefault);
  }
}
