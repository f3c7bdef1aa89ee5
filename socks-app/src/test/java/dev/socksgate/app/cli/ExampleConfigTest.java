package dev.socksgate.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleConfigTest {

  @TempDir Path dir;

  private final CliParser parser =
      new CliParser(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

  private static final List<Option<?>> FILE_OPTIONS =
      ServerOptions.ALL.stream().filter(Option::inFiles).toList();

  @Test
  void everyOptionAConfigFileMayHold_appearsOnce_withItsHelpLine() {
    String text = ExampleConfig.text(ServerOptions.ALL);
    String flat = text.replaceAll("\n# ?", " ").replaceAll("\\s+", " ");
    assertEquals(
        ServerOptions.ALL.size() - 4, FILE_OPTIONS.size(), "all but config, check, help, version");
    for (Option<?> o : ServerOptions.ALL) {
      long lines = text.lines().filter(l -> l.startsWith("#" + o.name() + " ")).count();
      assertEquals(o.inFiles() ? 1 : 0, lines, o.name());
      if (o.inFiles()) {
        assertTrue(flat.contains(Usage.helpLine(o)), "the help line of " + o.name());
      }
    }
    assertTrue(text.lines().allMatch(l -> l.isEmpty() || l.startsWith("#")), "all commented");
    assertTrue(text.lines().allMatch(l -> l.length() <= ExampleConfig.WIDTH), "wrapped");
  }

  @Test
  void asWritten_theFileHoldsNoOption() throws Exception {
    Path file = dir.resolve("socksgate.conf");
    ExampleConfig.main(new String[] {file.toString()});
    ParsedOptions read = ConfigFile.read(file, new ArgParser(ServerOptions.ALL));
    for (Option<?> o : ServerOptions.ALL) {
      assertTrue(!read.given(o), o.name());
    }
    Invocation.Run run =
        assertInstanceOf(
            Invocation.Run.class, parser.parse(new String[] {"--config", file.toString()}));
    assertEquals(defaults(), run.config());
  }

  @Test
  void uncommentingALineWithADefault_parsesToTheDefaults() throws Exception {
    int withDefault = 0;
    for (Option<?> o : FILE_OPTIONS) {
      if (o.defaultValue().isEmpty()) {
        continue;
      }
      String line =
          ExampleConfig.text(ServerOptions.ALL)
              .lines()
              .filter(l -> l.startsWith("#" + o.name() + " "))
              .findFirst()
              .orElseThrow();
      withDefault++;
      Path file = dir.resolve(o.name() + ".conf");
      Files.writeString(file, line.substring(1) + "\n");
      Invocation.Run run =
          assertInstanceOf(
              Invocation.Run.class, parser.parse(new String[] {"--config", file.toString()}), line);
      assertEquals(defaults(), run.config(), line);
    }
    assertTrue(withDefault >= 10, "most options have a default: " + withDefault);
  }

  private dev.socksgate.app.config.AppConfig defaults() throws UsageException {
    return assertInstanceOf(Invocation.Run.class, parser.parse(new String[0])).config();
  }
}
