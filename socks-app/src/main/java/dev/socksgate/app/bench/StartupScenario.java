package dev.socksgate.app.bench;

import dev.socksgate.core.handshake.ClientHandshake;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code startup}: starts the given server command, then tries a SOCKS5 CONNECT through {@code
 * --proxy} to a local listener every millisecond until one succeeds; the time from spawning the
 * process to that reply is its start-up time. The process is then stopped (SIGTERM, then SIGKILL
 * after 20 s) and the whole is repeated. Each repetition first does the same with the JVM floor
 * ({@link StartupFloor} on the bench's own Java), so the report gives the median, the fastest, the
 * slowest, the floor's median and the ratio of the medians from one run.
 */
final class StartupScenario {

  private static final long STOP_WAIT_SECONDS = 20;

  private StartupScenario() {}

  static Report run(BenchOptions o) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + o.timeout().toNanos();
    Report r = new Report("startup", o.target());
    if (answers(o.proxy())) {
      return r.fail("something already listens on " + o.target() + ": stop it first");
    }
    List<String> floor = floorCommand(o.target());
    List<Double> millis = new ArrayList<>();
    List<Double> floorMillis = new ArrayList<>();
    try (ServerSocket origin = new ServerSocket(0, 128, InetAddress.getLoopbackAddress())) {
      // The origin accepts and closes at once, so the probe's relay ends with the probe and the
      // server under test has nothing to drain when it is stopped.
      Thread closer = new Thread(() -> closeEveryConnection(origin), "startup-origin");
      closer.setDaemon(true);
      closer.start();
      Route route = o.route((InetSocketAddress) origin.getLocalSocketAddress(), false);
      // Interleaved, floor first: both see the same machine, and neither always comes first
      // after the other's stop.
      for (int i = 0; i < o.repeat() && System.nanoTime() < deadline; i++) {
        Optional<String> failure = startOnce(floor, route, deadline, floorMillis);
        if (failure.isPresent()) {
          return r.fail("the JVM floor (" + String.join(" ", floor) + "): " + failure.get());
        }
        failure = startOnce(o.command(), route, deadline, millis);
        if (failure.isPresent()) {
          return r.fail(failure.get());
        }
      }
    }
    millis.sort(null);
    floorMillis.sort(null);
    r.metric("runs", "runs", millis.size(), "");
    if (!millis.isEmpty() && !floorMillis.isEmpty()) {
      double median = millis.get((millis.size() - 1) / 2);
      double floorMedian = floorMillis.get((floorMillis.size() - 1) / 2);
      r.metric("startup_median_ms", "spawn to first CONNECT reply, median", median, "ms");
      r.metric("startup_min_ms", "fastest", millis.get(0), "ms");
      r.metric("startup_max_ms", "slowest", millis.get(millis.size() - 1), "ms");
      r.metric(
          "floor_median_ms", "JVM floor (StartupFloor on this Java), median", floorMedian, "ms");
      r.metric("startup_floor_ratio", "median over the floor's median", median / floorMedian, "x");
      r.field("startup_ms", millis);
      r.field("floor_ms", floorMillis);
    }
    if (millis.size() < o.repeat()) {
      r.fail("only " + millis.size() + " of " + o.repeat() + " runs before --timeout");
    }
    return r;
  }

  /**
   * The floor's command: {@link StartupFloor} on the Java running the bench, from the class path
   * (the jar or folder this class came from), serving where the server under test will.
   */
  static List<String> floorCommand(String target) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath;
    try {
      classPath =
          Path.of(StartupFloor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the bench's own classes", e);
    }
    return List.of(java, "-cp", classPath, StartupFloor.class.getName(), target);
  }

  /**
   * Starts {@code command}, probes until a CONNECT succeeds, adds the time to {@code millis}, and
   * stops it (SIGTERM, then SIGKILL after 20 s). Returns why it never came up, or empty if it did.
   */
  private static Optional<String> startOnce(
      List<String> command, Route route, long deadline, List<Double> millis)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      Optional<String> failure = probeUntilUp(route, p, deadline);
      if (failure.isEmpty()) {
        millis.add((System.nanoTime() - t0) / 1e6);
      }
      return failure;
    } finally {
      p.destroy();
      if (!p.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  /** Returns empty once a CONNECT succeeded, or why it never will. */
  private static Optional<String> probeUntilUp(Route route, Process p, long deadline)
      throws InterruptedException {
    while (System.nanoTime() < deadline) {
      try {
        Optional<String> refused = handshake(route);
        return refused; // empty: up; else the server answered, but not with success
      } catch (IOException notYet) {
        if (!p.isAlive()) {
          return Optional.of(
              "the server exited with status " + p.exitValue() + " before accepting");
        }
        Thread.sleep(1);
      }
    }
    return Optional.of("the server did not accept a SOCKS handshake before --timeout");
  }

  /** One blocking handshake through the route; returns empty on success, else the reason. */
  private static Optional<String> handshake(Route route) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(route.connectTo(), 1000);
      s.setSoTimeout(5000);
      s.setTcpNoDelay(true);
      ClientHandshake client = route.handshake();
      write(s, client.start().bytes());
      ByteBuffer in = ByteBuffer.allocate(300); // a SOCKS5 reply is at most 262 bytes
      while (true) {
        ClientHandshake.Step step = client.step(read(s, in));
        in.compact();
        if (step instanceof ClientHandshake.Step.Send send) {
          write(s, send.bytes());
        } else if (step instanceof ClientHandshake.Step.Done) {
          return Optional.empty();
        } else if (step instanceof ClientHandshake.Step.Failed f) {
          return Optional.of(route.describe(f.failure()));
        } else if (!in.hasRemaining()) {
          return Optional.of("a handshake message longer than " + in.capacity() + " bytes");
        }
      }
    }
  }

  private static void write(Socket s, ByteBuffer bytes) throws IOException {
    byte[] b = new byte[bytes.remaining()];
    bytes.get(b);
    s.getOutputStream().write(b);
  }

  /** Reads once into {@code in} (write mode) and returns it flipped; EOF is an IOException. */
  private static ByteBuffer read(Socket s, ByteBuffer in) throws IOException {
    int n = s.getInputStream().read(in.array(), in.arrayOffset() + in.position(), in.remaining());
    if (n < 0) {
      throw new IOException("EOF during the handshake");
    }
    in.position(in.position() + n);
    return in.flip();
  }

  private static void closeEveryConnection(ServerSocket origin) {
    while (!origin.isClosed()) {
      try {
        origin.accept().close();
      } catch (IOException e) {
        // closed at the end of the run, or one connection's trouble
      }
    }
  }

  private static boolean answers(InetSocketAddress address) {
    try (Socket s = new Socket()) {
      s.connect(address, 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
