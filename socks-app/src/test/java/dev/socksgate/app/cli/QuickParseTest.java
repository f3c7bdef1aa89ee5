package dev.socksgate.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The start-up parser and picocli read the same declarations; wherever the quick one answers, its
 * answer is picocli's, field by field, and wherever picocli would print help or an error, the quick
 * one steps aside.
 */
class QuickParseTest {

  private final CliParser parser =
      new CliParser(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

  /** Every option, in both spellings, and every switch form. */
  private static final List<String[]> VALID =
      List.of(
          new String[] {},
          new String[] {
            "--socks-port",
            "127.0.0.1:9050 IsolateDestAddr",
            "--socks-port",
            "[::1]:9051",
            "--socks-timeout",
            "5 s",
            "--connect-timeout",
            "2s",
            "--idle-timeout",
            "1 minute",
            "--max-connections",
            "50",
            "--loops",
            "3",
            "--buffer-size",
            "4096",
            "--bulk-buffer-size",
            "0",
            "--safe-socks",
            "--test-socks",
            "--safe-logging=false",
            "--auth-file",
            "users.txt",
            "--reject-internal-addresses",
            "--log-level",
            "DEBUG",
            "--check",
            "--control-port",
            "127.0.0.1:9051",
            "--control-cookie-file",
            "c.cookie",
            "--exit-bind",
            "127.0.0.2,127.0.0.3",
            "--config",
            "socksgate.conf"
          },
          new String[] {
            "--socks-port=1080",
            "--socks-timeout=5 s",
            "--connect-timeout=2s",
            "--idle-timeout=0",
            "--max-connections=7",
            "--loops=1",
            "--buffer-size=8192",
            "--bulk-buffer-size=1048576",
            "--safe-socks=true",
            "--test-socks=FALSE",
            "--safe-logging=true",
            "--auth-file=a b.txt",
            "--reject-internal-addresses=false",
            "--upstream=socks5://127.0.0.1:9050",
            "--log-level=warn",
            "--exit-bind=::1"
          },
          new String[] {"--safe-socks", "false", "--test-socks", "TRUE", "--safe-logging", "false"},
          new String[] {"--reject-internal-addresses", "true", "--check"},
          new String[] {
            "--loops", "1", "--loops", "3", "--log-level", "info", "--log-level", "error"
          },
          new String[] {"--exit-bind", "127.0.0.2,127.0.0.3", "--exit-bind", "127.0.0.4"},
          new String[] {"--upstream", "socks5://[::1]:9050/", "--socks-port", "0"});

  @Test
  void everyValidForm_quickAnswers_andAgreesWithPicocli() throws Exception {
    for (String[] args : VALID) {
      CliOptions quick =
          QuickParse.parse(args)
              .orElseThrow(() -> new AssertionError("stepped aside for " + List.of(args)));
      assertSame(picocli(args), quick, args);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--help",
        "-h",
        "--version",
        "-V",
        "passwd alice",
        "bench bulk",
        "--nope",
        "--loops many",
        "--loops",
        "--check=true",
        "--safe-socks=maybe",
        "--",
        "--socks-port -1",
        "positional",
        "--socks-port",
        "--log-level --check",
        "-x"
      })
  void helpVersionSubcommandsAndErrors_areLeftToPicocli(String line) {
    assertEquals(Optional.empty(), QuickParse.parse(line.split(" ")), line);
  }

  @Test
  void randomArgumentLists_quickNeverDisagreesWithPicocli() throws Exception {
    String[] tokens = {
      "--socks-port",
      "--socks-port=1081",
      "127.0.0.1:1082",
      "--loops",
      "2",
      "--loops=x",
      "--safe-socks",
      "--safe-socks=false",
      "false",
      "TRUE",
      "--check",
      "--check=true",
      "--log-level",
      "debug",
      "--exit-bind",
      "127.0.0.2,::1",
      "--max-connections",
      "-3",
      "--buffer-size=2048",
      "--idle-timeout",
      "5 s",
      "--upstream",
      "socks5://127.0.0.1:9050",
      "--reject-internal-addresses",
      "--help",
      "bench",
      "--",
      "--auth-file",
      "f",
      "--nope",
      "=",
      "--test-socks=",
      "passwd",
      "-V",
      "--safe-logging",
      "--bulk-buffer-size=0",
      "--log-level=--check",
      "--exit-bind=",
      "\"quoted\""
    };
    Random random = new Random(7);
    int answered = 0;
    for (int n = 0; n < 3000; n++) {
      String[] args = new String[random.nextInt(7)];
      for (int i = 0; i < args.length; i++) {
        args[i] = tokens[random.nextInt(tokens.length)];
      }
      Optional<CliOptions> quick = QuickParse.parse(args);
      if (quick.isPresent()) {
        answered++;
        assertSame(picocli(args), quick.get(), args);
      }
    }
    assertTrue(answered > 300, "the quick parser answered only " + answered + " of 3000");
  }

  private CliOptions picocli(String[] args) {
    CommandLine cmd = parser.commandLine(new CliOptions());
    try {
      cmd.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      fail("the quick parser answered " + List.of(args) + ", picocli refused: " + e.getMessage());
    }
    return cmd.getCommand();
  }

  private static void assertSame(CliOptions expected, CliOptions actual, String[] args)
      throws IllegalAccessException {
    List<String> differences = new ArrayList<>();
    for (Field f : CliOptions.class.getDeclaredFields()) {
      if (f.isAnnotationPresent(CommandLine.Option.class)) {
        Object e = f.get(expected);
        Object a = f.get(actual);
        if (!java.util.Objects.equals(e, a)) {
          differences.add(f.getName() + ": picocli " + e + ", quick " + a);
        }
      }
    }
    assertTrue(differences.isEmpty(), List.of(args) + " → " + differences);
  }
}
