package dev.socksgate.app.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HAProxy ({@code haproxy -db -f CFG}: in the foreground, on loopback only) started by a
 * test and stopped by its PID; its servers' states are read from its stats socket ({@code show
 * stat}), so that a test waits for a state change instead of guessing how long it takes.
 */
public final class Haproxy implements AutoCloseable {

  private static final long WAIT_SECONDS = 30;
  private static final int PORT_TRIES = 5;

  private final Process process;
  private final Path socket;
  private final Path output;
  private final int port;

  private Haproxy(Process process, Path socket, Path output, int port) {
    this.process = process;
    this.socket = socket;
    this.output = output;
    this.port = port;
  }

  /**
   * Starts HAProxy with the configuration {@code config} makes for a frontend port (a free port on
   * 127.0.0.1, picked again if another process takes it first) and the stats socket path; waits
   * (bounded) until the frontend accepts connections.
   */
  public static Haproxy start(String binary, Path dir, Function<Frontend, String> config)
      throws Exception {
    Path socket = dir.resolve("haproxy.sock");
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      Path cfg = dir.resolve("haproxy.cfg");
      Files.writeString(cfg, config.apply(new Frontend(port, socket)), StandardCharsets.UTF_8);
      Path output = dir.resolve("haproxy-" + attempt + ".log");
      Process p =
          new ProcessBuilder(binary, "-db", "-f", cfg.toString())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      Haproxy h = new Haproxy(p, socket, output, port);
      if (h.awaitListening()) {
        return h;
      }
      h.close();
      if (attempt == PORT_TRIES) {
        fail("haproxy did not start; its output:\n" + h.output());
      }
    }
  }

  /** What the configuration is made for: the frontend's port and the stats socket. */
  public record Frontend(int port, Path statsSocket) {}

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }

  private boolean awaitListening() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false; // the port was taken, or the configuration is wrong: see the output
      }
      if (Files.exists(socket)) {
        try (Socket s = new Socket()) {
          s.connect(frontend(), 1000);
          return true;
        } catch (IOException notYet) {
          // bound a moment later
        }
      }
      process.waitFor(50, TimeUnit.MILLISECONDS); // bounded poll of a process we do not own
    }
    return false;
  }

  /** The frontend's address. */
  public InetSocketAddress frontend() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** Returns each server's {@code status} column ({@code UP}, {@code DOWN}, ...) by name. */
  public Map<String, String> serverStates(String backend) throws IOException {
    List<String> lines = command("show stat");
    Map<String, String> states = new HashMap<>();
    if (lines.isEmpty()) {
      return states;
    }
    List<String> header = List.of(lines.get(0).replaceFirst("^# ", "").split(",", -1));
    int status = header.indexOf("status");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f.length > status && f[0].equals(backend) && !f[1].equals("BACKEND")) {
        states.put(f[1], f[status]);
      }
    }
    return states;
  }

  /** Waits (bounded) until {@code server} of {@code backend} has {@code state}. */
  public void awaitState(String backend, String server, String state) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    Map<String, String> states = Map.of();
    while (System.nanoTime() < deadline) {
      states = serverStates(backend);
      if (state.equals(states.get(server))) {
        return;
      }
      process.waitFor(50, TimeUnit.MILLISECONDS); // a bounded poll: HAProxy has no push
    }
    fail(server + " never became " + state + ": " + states + "; haproxy:\n" + output());
  }

  private List<String> command(String line) throws IOException {
    try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      c.connect(UnixDomainSocketAddress.of(socket));
      c.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      StringBuilder out = new StringBuilder();
      while (c.read(buf) >= 0 && out.length() < 1 << 20) {
        buf.flip();
        out.append(StandardCharsets.US_ASCII.decode(buf));
        buf.clear();
      }
      List<String> lines = new ArrayList<>();
      for (String l : out.toString().split("\n")) {
        if (!l.isBlank()) {
          lines.add(l);
        }
      }
      return lines;
    }
  }

  /** What HAProxy printed. */
  public String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }

  /** Stops HAProxy by its PID (SIGTERM, then SIGKILL), waiting a bounded time. */
  @Override
  public void close() {
    process.toHandle().destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.toHandle().destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.toHandle().destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
