package dev.socksgate.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grammar of the command line and the config file, on a small set of declarations. */
class ArgParserTest {

  @TempDir Path dir;

  static final Option<Integer> COUNT =
      Option.value("count", "N", Converters.integer(1, 10)).byDefault("3").help("A count.").build();
  static final Option<String> NAME =
      Option.value("name", "TEXT", Function.identity()).repeatable("").help("Names.").build();
  static final Option<String> PARTS =
      Option.value("parts", "A,B", Function.identity()).repeatable(",").help("Parts.").build();
  static final Option<Boolean> FAST = Option.bool("fast").help("Go fast.").build();
  static final Option<Boolean> DRY = Option.flag("dry").alias("n").help("Dry run.").build();

  private final ArgParser parser = new ArgParser(List.of(COUNT, NAME, PARTS, FAST, DRY));

  private ParsedOptions parse(String... args) throws UsageException {
    return parser.parse(List.of(args));
  }

  @Test
  void values_withSpaceOrEquals_lastOneWins() throws Exception {
    assertEquals(3, parse().get(COUNT));
    assertFalse(parse().given(COUNT));
    assertEquals(5, parse("--count", "5").get(COUNT));
    assertEquals(7, parse("--count=7").get(COUNT));
    assertEquals(2, parse("--count=7", "--count", "2").get(COUNT));
    assertEquals("a=b", parse("--name", "a=b").get(NAME));
    assertEquals("-x", parse("--name", "-x").get(NAME), "not an option name: a value");
  }

  @Test
  void booleans_takeAnOptionalValue_switchesNone() throws Exception {
    assertFalse(parse().get(FAST));
    assertTrue(parse("--fast").get(FAST));
    assertFalse(parse("--fast=false").get(FAST));
    assertFalse(parse("--fast", "FALSE").get(FAST));
    ParsedOptions p = parse("--fast", "later");
    assertTrue(p.get(FAST));
    assertEquals(List.of("later"), p.positionals());
    assertTrue(parse("--dry").get(DRY));
    assertTrue(parse("-n").get(DRY));
    assertThrows(UsageException.class, () -> parse("--dry=true"));
    assertThrows(UsageException.class, () -> parse("--fast=maybe"));
  }

  @Test
  void repeatable_collects_andSplits() throws Exception {
    assertEquals(List.of("a", "b"), parse("--name", "a", "--name=b").all(NAME));
    assertEquals(List.of("x", "y", "z"), parse("--parts", "x,y", "--parts", "z").all(PARTS));
    assertEquals(List.of(), parse().all(NAME));
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= ArgParser.MAX_VALUES; i++) {
      many.add("--name=" + i);
    }
    UsageException e =
        assertThrows(UsageException.class, () -> parser.parse(many), "bounded count");
    assertTrue(e.getMessage().contains("more than " + ArgParser.MAX_VALUES), e.getMessage());
  }

  @Test
  void positionals_andTheCommandAfterDashDash() throws Exception {
    ParsedOptions p = parse("one", "--count", "2", "two", "--", "--count", "x");
    assertEquals(List.of("one", "two"), p.positionals());
    assertEquals(List.of("--count", "x"), p.command());
    assertEquals(2, p.get(COUNT));
  }

  @Test
  void badInput_namesTheOptionInOneLine() {
    assertMessage("unknown option '--colour'", "--colour", "red");
    assertMessage("unknown option '--colour'", "--colour=red");
    assertMessage("unknown option '-x'", "-x");
    assertMessage("--count needs a value: N", "--count");
    assertMessage("--count needs a value: N", "--count", "--fast");
    assertMessage("--count: must be 1 to 10, not 11", "--count", "11");
    assertMessage("--count: 'many' is not a whole number", "--count=many");
  }

  @Test
  void configFile_sameKeys_linesNamedInErrors() throws Exception {
    ParsedOptions p =
        file("# comment\n\n  count 4  \nname a b\nname c\nfast\nparts x,y\r\nfast false\n");
    assertEquals(4, p.get(COUNT));
    assertEquals(List.of("a b", "c"), p.all(NAME));
    assertEquals(List.of("x", "y"), p.all(PARTS));
    assertFalse(p.get(FAST));
    assertFileError("f.conf:2: unknown key 'colour'", "count 2\ncolour red\n");
    assertFileError("f.conf:1: count: must be 1 to 10, not 0", "count 0\n");
    assertFileError("f.conf:3: count needs a value: N", "\n\ncount\n");
    assertFileError("f.conf:1: 'dry' is not a config file key", "dry\n");
    assertFileError("f.conf:1: unknown key '--count'", "--count 2\n");
  }

  @Test
  void configFile_isBoundedAndUtf8() throws Exception {
    Path big = dir.resolve("big.conf");
    Files.write(big, new byte[(int) ConfigFile.MAX_BYTES + 1]);
    assertTrue(
        assertThrows(UsageException.class, () -> ConfigFile.read(big, parser))
            .getMessage()
            .contains("larger than 1 MiB"));
    Path latin1 = dir.resolve("latin1.conf");
    Files.write(latin1, new byte[] {'n', 'a', 'm', 'e', ' ', (byte) 0xE9, '\n'});
    assertTrue(
        assertThrows(UsageException.class, () -> ConfigFile.read(latin1, parser))
            .getMessage()
            .contains("not UTF-8"));
  }

  @Test
  void commandLine_overTheFile_replacesRepeatables() throws Exception {
    ParsedOptions fromFile = file("count 4\nname a\nname b\nfast\n");
    ParsedOptions merged = parse("--name", "c", "--count", "9").over(fromFile);
    assertEquals(List.of("c"), merged.all(NAME));
    assertEquals(9, merged.get(COUNT));
    assertTrue(merged.get(FAST));
    assertEquals(List.of("a", "b"), parse().over(fromFile).all(NAME));
  }

  private ParsedOptions file(String text) throws Exception {
    Path f = dir.resolve("f.conf");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return ConfigFile.read(f, parser);
  }

  private void assertFileError(String expected, String text) throws Exception {
    Path f = dir.resolve("f.conf");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    UsageException e = assertThrows(UsageException.class, () -> ConfigFile.read(f, parser));
    assertEquals(dir.resolve(expected).toString(), e.getMessage());
  }

  private void assertMessage(String expected, String... args) {
    assertEquals(expected, assertThrows(UsageException.class, () -> parse(args)).getMessage());
  }
}
