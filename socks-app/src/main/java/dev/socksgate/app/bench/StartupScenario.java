package dev.socksgate.app.bench;

import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code startup}: starts the given server command, then tries a SOCKS5 CONNECT through {@code
 * --proxy} to a local listener every millisecond until one succeeds; the time from spawning the
 * process to that reply is its start-up time. The process is then stopped (SIGTERM, then SIGKILL
 * after 20 s) and the whole is repeated. Reports the median, the fastest and the slowest.
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
    List<Double> millis = new ArrayList<>();
    try (ServerSocket origin = new ServerSocket(0, 128, InetAddress.getLoopbackAddress())) {
      // The origin only needs to complete TCP handshakes (the kernel does that from the backlog).
      Route route = o.route((InetSocketAddress) origin.getLocalSocketAddress(), false);
      for (int i = 0; i < o.repeat() && System.nanoTime() < deadline; i++) {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(o.command()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
          String failure = probeUntilUp(route, p, deadline);
          if (failure != null) {
            return r.fail(failure);
          }
          millis.add((System.nanoTime() - t0) / 1e6);
        } finally {
          p.destroy();
          if (!p.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
          }
        }
      }
    }
    millis.sort(null);
    r.metric("runs", "runs", millis.size(), "");
    if (!millis.isEmpty()) {
      r.metric("startup_median_ms", "spawn to first CONNECT reply, median",
          millis.get((millis.size() - 1) / 2), "ms");
      r.metric("startup_min_ms", "fastest", millis.get(0), "ms");
      r.metric("startup_max_ms", "slowest", millis.get(millis.size() - 1), "ms");
      r.field("startup_ms", millis);
    }
    if (millis.size() < o.repeat()) {
      r.fail("only " + millis.size() + " of " + o.repeat() + " runs before --timeout");
    }
    return r;
  }

  /** Returns null once a CONNECT succeeded, or why it never will. */
  private static String probeUntilUp(Route route, Process p, long deadline)
      throws InterruptedException {
    while (System.nanoTime() < deadline) {
      try {
        String refused = handshake(route);
        return refused; // null: up; else the server answered, but not with success
      } catch (IOException notYet) {
        if (!p.isAlive()) {
          return "the server exited with status " + p.exitValue() + " before accepting";
        }
        Thread.sleep(1);
      }
    }
    return "the server did not accept a SOCKS handshake before --timeout";
  }

  /** One blocking greeting and CONNECT; returns null on success, else the reason. */
  private static String handshake(Route route) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(route.connectTo(), 1000);
      s.setSoTimeout(5000);
      s.setTcpNoDelay(true);
      s.getOutputStream().write(route.greeting());
      ByteBuffer in = ByteBuffer.allocate(300);
      Decoded<Socks5MethodSelection> m;
      while ((m = Socks5MethodSelection.decode(read(s, in))) instanceof Decoded.NeedMore<?>) {
        in.compact();
      }
      in.compact();
      if (!(m instanceof Decoded.Message<Socks5MethodSelection>)) {
        return "malformed method selection";
      }
      s.getOutputStream().write(route.request());
      Decoded<Socks5Reply> d;
      while ((d = Socks5Reply.decode(read(s, in))) instanceof Decoded.NeedMore<?>) {
        in.compact();
      }
      if (d instanceof Decoded.Message<Socks5Reply> reply) {
        return reply.value().rep().equals(Socks5ReplyCode.SUCCEEDED) ? null
            : "CONNECT refused: REP " + reply.value().rep();
      }
      return "malformed reply";
    }
  }

  /** Reads once into {@code in} (write mode) and returns it flipped; EOF is an IOException. */
  private static ByteBuffer read(Socket s, ByteBuffer in) throws IOException {
    int n = s.getInputStream().read(in.array(), in.position(), in.remaining());
    if (n < 0) {
      throw new IOException("EOF during the handshake");
    }
    in.position(in.position() + n);
    return in.flip();
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
