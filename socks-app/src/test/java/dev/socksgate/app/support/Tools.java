package dev.socksgate.app.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real client programs the end-to-end tests drive (curl, tor-resolve, python3). */
public final class Tools {

  private Tools() {}

  /** The result of one run. */
  public record Result(int exit, String out) {}

  /** Returns the path of an installed tool, failing (not skipping) when it is missing. */
  public static String require(String path) {
    assertTrue(Files.isExecutable(Path.of(path)),
        path + " is missing: .ci/run installs it (curl, tor for tor-resolve, python3-socks)");
    return path;
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
    List<String> cmd = new ArrayList<>(List.of(require("/usr/bin/curl"), "-sS", "--noproxy", "",
        "--max-time", "20"));
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
