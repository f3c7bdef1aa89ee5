package dev.socksgate.app.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server as users start it: {@code java -p socks-app/target/modules -m
 * dev.socksgate.app ARGS}, or any other command line (the distribution's launcher), with the log
 * collected. The bound port is read from the start-up line.
 */
public final class AppProcess implements AutoCloseable {

  private static final Pattern LISTENING =
      Pattern.compile("listening on (\\[[^\\]]+\\]|[0-9.]+):(\\d+)");
  private static final long START_SECONDS = 60;
  private static final Pattern METRICS =
      Pattern.compile("metrics on http://(?:\\[[^\\]]+\\]|[0-9.]+):(\\d+)/");

  private final Process process;
  private final List<String> log = new ArrayList<>();
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<Integer> ports = new ArrayList<>();

  private final Thread reader;

  private AppProcess(Process process) {
    this.process = process;
    reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (log) {
                    log.add(line);
                  }
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "app-log");
    reader.setDaemon(true);
    reader.start();
  }

  /** Returns the module folder the build produced. */
  public static Path modules() {
    Path dir = Path.of("target", "modules");
    assertTrue(Files.isDirectory(dir), "run after 'package': " + dir.toAbsolutePath());
    return dir;
  }

  /** Starts the server and returns at once, waiting for nothing. */
  public static AppProcess spawn(String... args) throws IOException {
    return launch(moduleCommand(args), Map.of());
  }

  /** Returns the module-path command line with {@code args}. */
  private static List<String> moduleCommand(String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p",
                modules().toString(),
                "-m",
                "dev.socksgate.app"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * Starts {@code command} (for example the distribution's launcher) with {@code env} added to the
   * environment (a null value removes the variable) and returns at once.
   */
  public static AppProcess launch(List<String> command, Map<String, String> env)
      throws IOException {
    return new AppProcess(
        withEnvironment(new ProcessBuilder(command), env).redirectErrorStream(true).start());
  }

  /** Adds {@code env} to the builder's environment (a null value removes the variable). */
  public static ProcessBuilder withEnvironment(ProcessBuilder pb, Map<String, String> env) {
    env.forEach(
        (k, v) -> {
          if (v == null) {
            pb.environment().remove(k);
          } else {
            pb.environment().put(k, v);
          }
        });
    return pb;
  }

  /** Starts the server and waits (bounded) until it logged {@code listeners} bound addresses. */
  public static AppProcess start(int listeners, String... args) throws Exception {
    return await(listeners, spawn(args));
  }

  /** Like {@link #start(int, String...)} for any command, as {@link #launch} starts it. */
  public static AppProcess start(int listeners, List<String> command, Map<String, String> env)
      throws Exception {
    return await(listeners, launch(command, env));
  }

  private static AppProcess await(int listeners, AppProcess app) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (app.ports.size() < listeners) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? app.lines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null) {
        app.close();
        throw new AssertionError("server did not start; log:\n" + app.log());
      }
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        app.ports.add(Integer.parseInt(m.group(2)));
      }
    }
    return app;
  }

  /**
   * Waits (bounded) until a line containing {@code needle} has been logged since the last line this
   * object consumed, and returns it.
   */
  public String awaitLine(String needle) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null) {
        throw new AssertionError("no line with '" + needle + "'; log:\n" + log());
      }
      if (line.contains(needle)) {
        return line;
      }
    }
  }

  /** Returns the port of the {@code i}-th listener. */
  public int port(int i) {
    return ports.get(i);
  }

  /** Returns the port of the first listener. */
  public int port() {
    return port(0);
  }

  /**
   * Returns the port of the {@code --metrics-port} endpoint, from its {@code metrics on http://…}
   * line (waiting for the line, bounded, if it has not come yet).
   */
  public int metricsPort() throws InterruptedException {
    Matcher m = METRICS.matcher(log());
    if (!m.find()) {
      m = METRICS.matcher(awaitLine("metrics on http://"));
      assertTrue(m.find(), log());
    }
    return Integer.parseInt(m.group(1));
  }

  /**
   * Scrapes {@code /metrics} until {@code settled} holds for the body or 20 s have passed, and
   * returns the last body: counters are per-loop and read eventually, so a test waits for them to
   * settle, then asserts on what it got.
   */
  public String metricsWhen(Predicate<String> settled) throws Exception {
    int port = metricsPort();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String body = scrapeMetrics(port);
    while (!settled.test(body) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      body = scrapeMetrics(port);
    }
    return body;
  }

  /** One GET of {@code /metrics}, bounded: 10 s to answer, at most 4 MiB. */
  private static String scrapeMetrics(int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(
          "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] all = in.readNBytes(4 << 20);
      String answer = new String(all, StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
      return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }
  }

  /** Returns everything logged so far. */
  public String log() {
    synchronized (log) {
      return String.join("\n", log);
    }
  }

  /** Sends SIGTERM and returns the exit status, waiting a bounded time. */
  public int stop() throws InterruptedException {
    // Through the handle: Process.destroy() would also close our end of the pipe, losing what
    // the server logs while it stops.
    process.toHandle().destroy();
    return awaitExit();
  }

  /** Sends a signal by name ({@code TERM}, {@code INT}) with the shell's kill builtin. */
  public void signal(String name) throws Exception {
    // sh is on every machine; a kill binary (procps) need not be
    Process kill =
        new ProcessBuilder("/bin/sh", "-c", "kill -" + name + " " + process.pid())
            .redirectErrorStream(true)
            .start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      kill.destroyForcibly();
      throw new AssertionError("kill -" + name + " failed");
    }
  }

  /** Waits (bounded) for the process to end on its own and returns its exit status. */
  public int awaitExit() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("server did not stop within 30 s; log:\n" + log());
    }
    reader.join(10_000); // the log is complete once the pipe is drained
    return process.exitValue();
  }

  /** Returns the process id (with the launcher, the JVM's: it execs). */
  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
