package dev.socksgate.app.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.cli.CliParser;
import dev.socksgate.app.cli.Invocation;
import dev.socksgate.app.cli.UsageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of {@code socksgate doctor ARGS} through the command line, as {@code Main} runs it: its
 * exit status and its report, line by line.
 *
 * @param code the exit status
 * @param out what it printed
 * @param err what it printed on the error stream
 */
record DoctorRun(int code, String out, String err) {

  /** Every check the doctor runs, in order. */
  static final List<String> CHECKS =
      List.of(
          "methods.00",
          "methods.02",
          "methods.00+02",
          "socks4.connect",
          "socks4a.name",
          "socks5.ipv4",
          "socks5.name",
          "socks5.ipv6",
          "greeting.bytewise",
          "optimistic.data",
          "rfc1929.right",
          "rfc1929.wrong",
          "tor.resolve",
          "tor.resolve_ptr",
          "refuse.connect_dir",
          "refuse.bind",
          "refuse.udp",
          "http.answer",
          "refused.port",
          "halfclose.client",
          "halfclose.origin",
          "transfer.16mib");

  static DoctorRun of(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "doctor";
    System.arraycopy(args, 0, all, 1, args.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      Invocation i =
          new CliParser(new PrintWriter(out, true), new PrintWriter(err, true)).parse(all);
      return new DoctorRun(
          assertInstanceOf(Invocation.Exit.class, i).code(), out.toString(), err.toString());
    } catch (UsageException e) {
      throw new AssertionError("a subcommand reports its own usage errors", e);
    }
  }

  /** The verdict of each check, by id; fails unless every check has exactly one line. */
  Map<String, String> verdicts() {
    Map<String, String> v = new LinkedHashMap<>();
    for (String line : out.split("\\R")) {
      String[] f = line.split("\\s+", 3);
      if (f.length == 3 && List.of("PASS", "FAIL", "SKIP").contains(f[0])) {
        assertEquals(null, v.put(f[1], f[0]), "one line for " + f[1]);
      }
    }
    assertEquals(CHECKS, List.copyOf(v.keySet()), out);
    return v;
  }

  /** The reason on the line of {@code check}. */
  String reason(String check) {
    for (String line : out.split("\\R")) {
      String[] f = line.split("\\s+", 3);
      if (f.length == 3 && f[1].equals(check)) {
        return f[2];
      }
    }
    throw new AssertionError("no line for " + check + " in\n" + out);
  }

  /** Asserts the verdict of {@code check}, and that its reason contains {@code text}. */
  void assertLine(String verdict, String check, String text) {
    assertEquals(verdict, verdicts().get(check), out);
    assertTrue(reason(check).contains(text), check + ": " + reason(check));
  }
}
