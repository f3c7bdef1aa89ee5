package dev.socksgate.app.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics and health endpoint: a deliberately small HTTP/1.1 server (one request per
 * connection, {@code Connection: close}), so that every bound is ours to set and test.
 *
 * <ul>
 *   <li>{@code GET /metrics}: the registry in the Prometheus text format, or OpenMetrics when the
 *       {@code Accept} header asks for it; {@code GET /-/healthy}: 200 while the process serves;
 *       {@code GET /-/ready}: 200 when {@link Readiness} says so, else 503. {@code HEAD} as {@code
 *       GET} without the body; another method on these paths: 405 with {@code Allow}; any other
 *       path: 404; a request line that does not parse: 400.
 *   <li>Bounded: the request head ({@value #MAX_HEAD} bytes, else 431), concurrent requests ({@link
 *       Limits#workers()} threads and no queue: one more is answered 503 at once), the time to send
 *       the head ({@link Limits#readTimeout()}, else the connection is closed) and the time to
 *       write the answer ({@link Limits#writeTimeout()}: a watchdog closes a client that does not
 *       read).
 * </ul>
 *
 * <p>Thread-safe. {@link #start()} binds; {@link #close()} stops accepting and closes the threads.
 */
public final class MetricsServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

  /** The most bytes of a request line and headers together. */
  public static final int MAX_HEAD = 8192;

  /**
   * The server's bounds.
   *
   * @param workers requests served at once
   * @param readTimeout the longest a client may take to send its request head
   * @param writeTimeout the longest an answer may take to be written
   */
  public record Limits(int workers, Duration readTimeout, Duration writeTimeout) {
    /** The defaults: 2 workers, 5 s to read, 10 s to write. */
    public static final Limits DEFAULT =
        new Limits(2, Duration.ofSeconds(5), Duration.ofSeconds(10));

    /** Validates the fields. */
    public Limits {
      if (workers < 1 || readTimeout.isNegative() || writeTimeout.isNegative()) {
        throw new IllegalArgumentException("bad limits");
      }
    }
  }

  private final InetSocketAddress bind;
  private final PrometheusRegistry registry;
  private final Readiness readiness;
  private final Limits limits;
  private final ExpositionFormats formats = ExpositionFormats.init();
  private final ThreadPoolExecutor workers;
  private final Semaphore permits; // one per request in service; taken by the acceptor
  private final ScheduledExecutorService watchdog;
  private @Nullable ServerSocket socket; // set by start

  /** Creates the server; nothing is bound until {@link #start()}. */
  public MetricsServer(
      InetSocketAddress bind, PrometheusRegistry registry, Readiness readiness, Limits limits) {
    this.bind = bind;
    this.registry = registry;
    this.readiness = readiness;
    this.limits = limits;
    this.workers =
        new ThreadPoolExecutor(
            limits.workers(),
            limits.workers(),
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), // holds at most one task per permit
            r -> daemon(r, "socksgate-metrics-worker"),
            new ThreadPoolExecutor.AbortPolicy());
    this.permits = new Semaphore(limits.workers());
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "socksgate-metrics-watchdog"));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Binds and starts accepting. */
  public synchronized void start() throws IOException {
    ServerSocket s = new ServerSocket();
    try {
      s.setReuseAddress(true);
      s.bind(bind, 50);
    } catch (IOException e) {
      s.close();
      throw new IOException("cannot bind --metrics-port " + bind + ": " + e.getMessage(), e);
    }
    socket = s;
    daemon(() -> acceptLoop(s), "socksgate-metrics").start();
  }

  /** Returns the bound address (port 0 resolved). */
  public synchronized InetSocketAddress localAddress() {
    ServerSocket s = socket;
    if (s == null) {
      throw new IllegalStateException("not started");
    }
    return (InetSocketAddress) s.getLocalSocketAddress();
  }

  private void acceptLoop(ServerSocket s) {
    while (!s.isClosed()) {
      Socket c;
      try {
        c = s.accept();
      } catch (IOException e) {
        if (!s.isClosed()) {
          LOG.warn("metrics endpoint: accept failed: {}", e.getMessage());
        }
        continue;
      }
      if (!permits.tryAcquire()) {
        busy(c);
        continue;
      }
      try {
        workers.execute(() -> serve(c));
      } catch (RejectedExecutionException e) { // closed meanwhile
        permits.release();
        closeQuietly(c);
      }
    }
  }

  // Every worker is busy: a tiny 503 (it fits any socket buffer, so this write does not block).
  private void busy(Socket c) {
    try (c) {
      write(c.getOutputStream(), 503, "text/plain", "busy\n", Optional.empty(), true);
    } catch (IOException e) {
      LOG.debug("metrics endpoint: 503 not delivered: {}", e.getMessage());
    }
  }

  private void serve(Socket c) {
    @Nullable ScheduledFuture<?> kill = null;
    try {
      c.setSoTimeout((int) Math.max(1, limits.readTimeout().toMillis()));
      Optional<String> head = readHead(c.getInputStream());
      // A blocking write has no timeout of its own: the watchdog closes a client that stops
      // reading.
      kill =
          watchdog.schedule(
              () -> closeQuietly(c), limits.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
      OutputStream out = c.getOutputStream();
      if (head.isEmpty()) {
        write(out, 431, "text/plain", "request head too large\n", Optional.empty(), true);
      } else {
        answer(head.get(), out);
      }
    } catch (SocketTimeoutException e) {
      LOG.debug("metrics endpoint: client too slow sending its request");
    } catch (IOException | RuntimeException e) {
      LOG.debug("metrics endpoint: request failed: {}", e.toString());
    } finally {
      if (kill != null) {
        kill.cancel(false);
      }
      // The permit first: once the client sees the close, the next request finds it free.
      permits.release();
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Socket c) {
    try {
      c.close();
    } catch (IOException e) {
      LOG.debug("metrics endpoint: close failed: {}", e.getMessage());
    }
  }

  /** Reads up to the blank line; empty if the head is larger than {@value #MAX_HEAD} bytes. */
  static Optional<String> readHead(InputStream in) throws IOException {
    byte[] buf = new byte[MAX_HEAD];
    int n = 0;
    while (true) {
      if (n == MAX_HEAD) {
        return Optional.empty();
      }
      int r = in.read(buf, n, MAX_HEAD - n);
      if (r < 0) {
        return Optional.of(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
      }
      n += r;
      String s = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
      int end = s.indexOf("\r\n\r\n");
      if (end >= 0) {
        return Optional.of(s.substring(0, end));
      }
    }
  }

  private void answer(String head, OutputStream out) throws IOException {
    String[] lines = head.split("\r\n", -1);
    String[] request = lines[0].split(" ", -1);
    if (request.length != 3 || !request[2].startsWith("HTTP/1.")) {
      write(out, 400, "text/plain", "bad request\n", Optional.empty(), true);
      return;
    }
    String method = request[0];
    String path = request[1];
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    boolean known = path.equals("/metrics") || path.equals("/-/healthy") || path.equals("/-/ready");
    if (!known) {
      write(out, 404, "text/plain", "not found\n", Optional.empty(), !method.equals("HEAD"));
      return;
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      write(out, 405, "text/plain", "method not allowed\n", Optional.of("GET, HEAD"), true);
      return;
    }
    boolean body = method.equals("GET");
    switch (path) {
      case "/-/healthy" -> write(out, 200, "text/plain", "healthy\n", Optional.empty(), body);
      case "/-/ready" -> {
        Readiness.State s = readiness.state();
        boolean ready = s == Readiness.State.READY;
        write(
            out,
            ready ? 200 : 503,
            "text/plain",
            s.name().toLowerCase(java.util.Locale.ROOT) + "\n",
            Optional.empty(),
            body);
      }
      default -> metrics(out, header(lines, "accept"), body);
    }
  }

  private void metrics(OutputStream out, Optional<String> accept, boolean body) throws IOException {
    ExpositionFormatWriter w = formats.findWriter(accept.orElse(null));
    if (!w.isAvailable() || w == formats.getPrometheusProtobufWriter()) {
      w = formats.getPrometheusTextFormatWriter(); // the protobuf writer is not on the path
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream(16 * 1024);
    w.write(buf, registry.scrape());
    byte[] bytes = buf.toByteArray();
    String status = "HTTP/1.1 200 OK\r\n";
    String h =
        status
            + "Content-Type: "
            + w.getContentType()
            + "\r\nContent-Length: "
            + bytes.length
            + "\r\nConnection: close\r\n\r\n";
    out.write(h.getBytes(StandardCharsets.ISO_8859_1));
    if (body) {
      out.write(bytes);
    }
    out.flush();
  }

  private static Optional<String> header(String[] lines, String name) {
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase(name)) {
        return Optional.of(lines[i].substring(colon + 1).trim());
      }
    }
    return Optional.empty();
  }

  private static void write(
      OutputStream out, int code, String type, String text, Optional<String> allow, boolean body)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder h = new StringBuilder("HTTP/1.1 ").append(code).append(' ').append(reason(code));
    h.append("\r\nContent-Type: ").append(type).append("; charset=utf-8");
    h.append("\r\nContent-Length: ").append(bytes.length);
    allow.ifPresent(a -> h.append("\r\nAllow: ").append(a));
    h.append("\r\nConnection: close\r\n\r\n");
    out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body) {
      out.write(bytes);
    }
    out.flush();
  }

  private static String reason(int code) {
    return switch (code) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }

  /** Stops accepting, closes the socket and the threads. Idempotent. */
  @Override
  public synchronized void close() {
    ServerSocket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.debug("metrics endpoint: close failed: {}", e.getMessage());
      }
    }
    workers.shutdownNow();
    watchdog.shutdownNow();
  }
}
