package dev.socksgate.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code socksgate doctor}'s options: usage errors are exit 2 with its own usage, before any check.
 */
class DoctorArgumentsTest {

  private static int run(StringWriter out, StringWriter err, String... args) {
    return DoctorArguments.run(List.of(args), new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void badUse_isExit2_withTheDoctorsUsage() {
    List<List<String>> bad =
        List.of(
            List.of(),
            List.of("--proxy"),
            List.of("--proxy", "localhost:1080"),
            List.of("--proxy", "127.0.0.1"),
            List.of("--proxy", "127.0.0.1:0"),
            List.of("--proxy", "192.0.2.1:1080"),
            List.of("--proxy", "127.0.0.1:1080", "--user", "alice"),
            List.of("--proxy", "127.0.0.1:1080", "--pass", "secret"),
            List.of("--proxy", "127.0.0.1:1080", "--timeout", "0"),
            List.of("--proxy", "127.0.0.1:1080", "--timeout", "soon"),
            List.of("--proxy", "127.0.0.1:1080", "--colour"),
            List.of("--proxy", "127.0.0.1:1080", "extra"));
    for (List<String> args : bad) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      assertEquals(2, run(out, err, args.toArray(new String[0])), args + ": " + out);
      assertTrue(err.toString().startsWith("socksgate doctor: "), args + ": " + err);
      assertTrue(err.toString().contains("Usage: socksgate doctor"), args + ": " + err);
      assertEquals("", out.toString(), args + ": nothing was checked");
    }
  }

  @Test
  void help_isExit0_andShowsEveryOption() {
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, new StringWriter(), "--help"));
    String flat = out.toString().replaceAll("\\s+", " ");
    for (Option<?> o : DoctorArguments.ALL) {
      assertTrue(flat.contains(Usage.helpLine(o)), o.name());
    }
    assertTrue(out.toString().lines().allMatch(l -> l.length() <= Usage.WIDTH), out.toString());
  }

  @Test
  void theTopLevelHelp_namesTheSubcommand() {
    assertTrue(CliParser.usage().contains("socksgate doctor --proxy ADDR:PORT"), CliParser.usage());
  }
}
