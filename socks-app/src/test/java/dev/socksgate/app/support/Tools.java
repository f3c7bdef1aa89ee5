package dev.socksgate.app.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the real client programs the end-to-end tests drive (curl, tor-resolve, python3). */
public final class Tools {

  private Tools() {}

  /** The result of one run. */
  public record Result(int exit, String out) {}

  /** The system property that says what a missing client program means. */
  public static final String CLIENTS_PROPERTY = "socksgate.clients";

  /** A real client program a test drives, and the Debian package that provides it. */
  public enum Client {
    CURL("curl", "/usr/bin/curl", "curl"),
    TOR_RESOLVE("tor-resolve", "/usr/bin/tor-resolve", "tor"),
    PYSOCKS("PySocks", "/usr/bin/python3", "python3-socks"),
    PYTHON("python3", "/usr/bin/python3", "python3"),
    PROMETHEUS("prometheus", "/usr/bin/prometheus", "prometheus"),
    PROMTOOL("promtool", "/usr/bin/promtool", "prometheus"),
    HAPROXY("haproxy", "/usr/sbin/haproxy", "haproxy"),
    CHROMIUM("Chromium", "/usr/bin/chromium", "chromium");

    final String program;
    final String path;
    final String debianPackage;

    Client(String program, String path, String debianPackage) {
      this.program = program;
      this.path = path;
      this.debianPackage = debianPackage;
    }

    private boolean installed() throws Exception {
      if (!Files.isExecutable(Path.of(path))) {
        return false;
      }
      return this != PYSOCKS || run(List.of(path, "-c", "import socks"), null).exit() == 0;
    }
  }

  /**
   * Returns the path of a client program (for {@link Client#PYSOCKS}, the Python that imports it).
   * When it is missing the calling test is skipped with one line naming the program and its Debian
   * package, or fails instead under {@code -Dsocksgate.clients=required}.
   */
  public static String need(Client client) throws Exception {
    boolean required = required();
    if (client.installed()) {
      return client.path;
    }
    String line =
        client.program
            + " not found ("
            + client.path
            + (client == Client.PYSOCKS ? " -c 'import socks'" : "")
            + "); Debian package: "
            + client.debianPackage;
    if (required) {
      fail(line + " (required by -D" + CLIENTS_PROPERTY + "=required)");
    }
    System.err.println("skipped: " + line);
    return Assumptions.abort("skipped: " + line);
  }

  private static boolean required() {
    String mode = System.getProperty(CLIENTS_PROPERTY, "");
    return switch (mode) {
      case "required" -> true;
      case "", "optional" -> false;
      default ->
          throw new IllegalStateException(
              "-D" + CLIENTS_PROPERTY + "=" + mode + ": expected 'required' or 'optional'");
    };
  }

  /** Runs a command with a bounded wait; stdout and stderr together. */
  public static Result run(List<String> command, String stdin) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread pump = new Thread(() -> copy(p.getInputStream(), out));
    pump.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    pump.join(10_000);
    return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
  }

  /** Runs curl through a SOCKS proxy; never an environment proxy. */
  public static Result curl(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(List.of(need(Client.CURL), "-sS", "--noproxy", "", "--max-time", "20"));
    cmd.addAll(List.of(args));
    return run(cmd, null);
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try {
      in.transferTo(out);
    } catch (IOException e) {
      // process ended
    }
  }
}
