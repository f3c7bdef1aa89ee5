package dev.socksgate.app.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.handshake.HandshakeError;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.transport.nio.TransportStats;
import dev.socksgate.transport.nio.TransportStats.HandshakeEnd;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The endpoint over real loopback sockets: the exposition (names, types, HELP, labels, values from
 * a known snapshot) in the Prometheus text format and in OpenMetrics, health and readiness, the
 * answers to other paths and methods, and its bounds (head size, busy workers, slow clients).
 */
class MetricsServerTest {

  private static final InetSocketAddress LISTENER =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 1080);

  static TransportStats.Histogram histogram(int... at) {
    List<Long> counts =
        new ArrayList<>(Collections.nCopies(TransportStats.BUCKET_BOUNDS_NANOS.size() + 1, 0L));
    long sum = 0;
    for (int i : at) {
      counts.set(i, counts.get(i) + 1);
      sum += TransportStats.BUCKET_BOUNDS_NANOS.get(Math.min(i, counts.size() - 2));
    }
    return new TransportStats.Histogram(counts, sum);
  }

  static TransportStats stats() {
    Map<TransportStats.Refusal, Long> refused = new EnumMap<>(TransportStats.Refusal.class);
    for (TransportStats.Refusal r : TransportStats.Refusal.values()) {
      refused.put(r, r == TransportStats.Refusal.POLICY ? 2L : 0L);
    }
    TransportStats.Listener l =
        new TransportStats.Listener(
            LISTENER,
            7,
            refused,
            List.of(
                new TransportStats.Handshakes(
                    Optional.of(SocksProtocol.SOCKS5), HandshakeEnd.OK, Optional.empty(), 5),
                new TransportStats.Handshakes(
                    Optional.of(SocksProtocol.SOCKS4),
                    HandshakeEnd.FAILED,
                    Optional.of(HandshakeError.Kind.COMMAND_NOT_SUPPORTED),
                    1),
                new TransportStats.Handshakes(
                    Optional.empty(),
                    HandshakeEnd.FAILED,
                    Optional.of(HandshakeError.Kind.UNKNOWN_PROTOCOL),
                    1)),
            List.of(
                new TransportStats.Streams(StreamCommand.CONNECT, Optional.empty(), 4),
                new TransportStats.Streams(
                    StreamCommand.CONNECT, Optional.of(StreamFailure.HOST_UNREACHABLE), 1),
                new TransportStats.Streams(
                    StreamCommand.CONNECT, Optional.of(StreamFailure.RESOLVE_FAILED), 2),
                new TransportStats.Streams(
                    StreamCommand.RESOLVE_PTR, Optional.of(StreamFailure.TIMED_OUT), 1)),
            1000,
            2000,
            3,
            2,
            histogram(0, 0),
            histogram(1),
            histogram(),
            histogram(15, 16));
    return new TransportStats(List.of(l), List.of(new TransportStats.Loop(0, 11, 12, 3, 4, 1)));
  }

  static MetricsServer server(Readiness readiness, MetricsServer.Limits limits) throws IOException {
    PrometheusRegistry r = new PrometheusRegistry();
    r.register(SocksgateCollector.of(MetricsServerTest::stats, () -> 6, () -> 9));
    MetricsServer s =
        new MetricsServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), r, readiness, limits);
    s.start();
    return s;
  }

  static String raw(MetricsServer s, String request) throws IOException {
    try (Socket c = new Socket()) {
      c.connect(s.localAddress(), 5000);
      c.setSoTimeout(5000);
      c.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String get(MetricsServer s, String path, String... headers) throws IOException {
    StringBuilder b = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: x\r\n");
    for (String h : headers) {
      b.append(h).append("\r\n");
    }
    return raw(s, b.append("\r\n").toString());
  }

  static String body(String response) {
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }

  @Test
  void metrics_textFormat_namesTypesHelpLabelsValues() throws IOException {
    Readiness ready = new Readiness();
    try (MetricsServer s = server(ready, MetricsServer.Limits.DEFAULT)) {
      String r = get(s, "/metrics");
      assertTrue(r.startsWith("HTTP/1.1 200 OK\r\n"), r);
      assertTrue(r.contains("Content-Type: text/plain; version=0.0.4"), r);
      String m = body(r);
      String l = "listener=\"127.0.0.1:1080\"";
      for (String line :
          List.of(
              "# HELP socksgate_connections_accepted_total Client connections admitted",
              "# TYPE socksgate_connections_accepted_total counter",
              "socksgate_connections_accepted_total{" + l + "} 7.0",
              "# TYPE socksgate_connections_refused_total counter",
              "socksgate_connections_refused_total{" + l + ",reason=\"policy\"} 2.0",
              "socksgate_connections_refused_total{" + l + ",reason=\"per_user\"} 0.0",
              "socksgate_connections_refused_total{" + l + ",reason=\"shed\"} 0.0",
              "socksgate_handshakes_total{" + l + ",outcome=\"ok\",protocol=\"socks5\"} 5.0",
              "socksgate_handshakes_total{"
                  + l
                  + ",outcome=\"command_not_supported\",protocol=\"socks4\"} 1.0",
              "socksgate_handshakes_total{"
                  + l
                  + ",outcome=\"unknown_protocol\",protocol=\"unknown\"} 1.0",
              "# TYPE socksgate_streams_total counter",
              "socksgate_streams_total{command=\"connect\"," + l + ",outcome=\"succeeded\"} 4.0",
              // HOST_UNREACHABLE and RESOLVE_FAILED share REP 04: one series, summed
              "socksgate_streams_total{command=\"connect\","
                  + l
                  + ",outcome=\"host_unreachable\"} 3.0",
              "socksgate_streams_total{command=\"resolve_ptr\","
                  + l
                  + ",outcome=\"ttl_expired\"} 1.0",
              "socksgate_bytes_total{direction=\"up\"," + l + "} 1000.0",
              "socksgate_bytes_total{direction=\"down\"," + l + "} 2000.0",
              "# TYPE socksgate_active_connections gauge",
              "socksgate_active_connections{" + l + "} 3.0",
              "socksgate_active_relays{" + l + "} 2.0",
              "# TYPE socksgate_handshake_duration_seconds histogram",
              "socksgate_handshake_duration_seconds_bucket{" + l + ",le=\"0.001\"} 2",
              "socksgate_handshake_duration_seconds_bucket{" + l + ",le=\"+Inf\"} 2",
              "socksgate_handshake_duration_seconds_count{" + l + "} 2",
              "socksgate_connect_duration_seconds_bucket{" + l + ",le=\"0.001\"} 0",
              "socksgate_connect_duration_seconds_bucket{" + l + ",le=\"0.005\"} 1",
              "socksgate_resolve_duration_seconds_count{" + l + "} 0",
              "socksgate_stream_duration_seconds_bucket{" + l + ",le=\"3600.0\"} 1",
              "socksgate_stream_duration_seconds_bucket{" + l + ",le=\"+Inf\"} 2",
              "socksgate_resolver_queue_depth 6.0",
              "socksgate_access_log_dropped_total 9.0",
              "socksgate_event_loop_tasks_total{loop=\"0\"} 11.0",
              "socksgate_event_loop_wakeups_total{loop=\"0\"} 12.0",
              "socksgate_buffers{loop=\"0\",state=\"in_use\"} 3.0",
              "socksgate_buffers{loop=\"0\",state=\"free\"} 4.0",
              "socksgate_buffers{loop=\"0\",state=\"bulk\"} 1.0")) {
        assertTrue(m.contains(line + "\n") || m.contains(line), "missing: " + line + "\n" + m);
      }
      assertTrue(!m.contains("127.0.0.2") && !m.contains("origin"), "no client data");
    }
  }

  @Test
  void metrics_openMetricsWhenAsked() throws IOException {
    try (MetricsServer s = server(new Readiness(), MetricsServer.Limits.DEFAULT)) {
      String r =
          get(s, "/metrics", "Accept: application/openmetrics-text; version=1.0.0; charset=utf-8");
      assertTrue(r.contains("Content-Type: application/openmetrics-text"), r);
      String m = body(r);
      assertTrue(m.contains("# TYPE socksgate_streams counter\n"), m);
      assertTrue(m.contains("# UNIT socksgate_handshake_duration_seconds seconds\n"), m);
      assertTrue(m.endsWith("# EOF\n"), m);
    }
  }

  @Test
  void health_readiness_flipsFromStartingToReadyToDraining() throws IOException {
    Readiness ready = new Readiness();
    try (MetricsServer s = server(ready, MetricsServer.Limits.DEFAULT)) {
      assertTrue(get(s, "/-/healthy").startsWith("HTTP/1.1 200 "));
      String starting = get(s, "/-/ready");
      assertTrue(starting.startsWith("HTTP/1.1 503 "), starting);
      assertEquals("starting\n", body(starting));
      ready.ready();
      assertTrue(get(s, "/-/ready").startsWith("HTTP/1.1 200 "));
      ready.draining();
      String draining = get(s, "/-/ready");
      assertTrue(draining.startsWith("HTTP/1.1 503 "), draining);
      assertEquals("draining\n", body(draining));
      ready.ready();
      assertTrue(get(s, "/-/ready").startsWith("HTTP/1.1 503 "), "draining is final");
      assertTrue(get(s, "/-/healthy").startsWith("HTTP/1.1 200 "), "healthy while it serves");
    }
  }

  @Test
  void otherPathsMethodsAndGarbage_definedAnswers() throws IOException {
    try (MetricsServer s = server(new Readiness(), MetricsServer.Limits.DEFAULT)) {
      assertTrue(get(s, "/").startsWith("HTTP/1.1 404 "));
      assertTrue(get(s, "/metrics/x").startsWith("HTTP/1.1 404 "));
      String post = raw(s, "POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
      assertTrue(post.startsWith("HTTP/1.1 405 "), "[" + post + "]");
      assertTrue(post.contains("Allow: GET, HEAD\r\n"), post);
      String head = raw(s, "HEAD /metrics HTTP/1.1\r\n\r\n");
      assertTrue(head.startsWith("HTTP/1.1 200 "), head);
      assertEquals("", body(head), "HEAD: no body");
      assertTrue(get(s, "/metrics?x=1").startsWith("HTTP/1.1 200 "), "query ignored");
      assertTrue(raw(s, "hello\r\n\r\n").startsWith("HTTP/1.1 400 "));
      assertTrue(raw(s, "GET /metrics SPDY/3\r\n\r\n").startsWith("HTTP/1.1 400 "));
    }
  }

  @Test
  void headOverLimit_431() throws IOException {
    try (MetricsServer s = server(new Readiness(), MetricsServer.Limits.DEFAULT)) {
      String big = "X-Pad: " + "a".repeat(MetricsServer.MAX_HEAD);
      assertTrue(get(s, "/metrics", big).startsWith("HTTP/1.1 431 "));
      String fits = "X-Pad: " + "a".repeat(MetricsServer.MAX_HEAD - 100);
      assertTrue(get(s, "/metrics", fits).startsWith("HTTP/1.1 200 "), "just under the limit");
    }
  }

  @Test
  void workersBusy_503AtOnce_thenServedAgain() throws IOException {
    MetricsServer.Limits one =
        new MetricsServer.Limits(1, Duration.ofMinutes(1), Duration.ofMinutes(1));
    try (MetricsServer s = server(new Readiness(), one)) {
      try (Socket holder = new Socket()) {
        holder.connect(s.localAddress(), 5000);
        holder
            .getOutputStream()
            .write("GET /metrics HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        // The acceptor took the only permit for the holder (accepted first), so the next
        // connection is answered 503 at once, whatever the worker is doing.
        String r = get(s, "/-/healthy");
        assertTrue(r.startsWith("HTTP/1.1 503 "), r);
        holder.getOutputStream().write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        holder.setSoTimeout(5000);
        String held = new String(holder.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(held.startsWith("HTTP/1.1 200 "), "the held request is served");
      }
      String again = get(s, "/-/healthy"); // the permit came back before the holder's close
      assertTrue(again.startsWith("HTTP/1.1 200 "), again);
    }
  }

  @Test
  void silentClient_closedAfterReadTimeout() throws IOException {
    MetricsServer.Limits quick =
        new MetricsServer.Limits(1, Duration.ofMillis(200), Duration.ofSeconds(10));
    try (MetricsServer s = server(new Readiness(), quick);
        Socket c = new Socket()) {
      c.connect(s.localAddress(), 5000);
      c.setSoTimeout(10_000); // far beyond the server's 200 ms: EOF must come from the server
      OutputStream out = c.getOutputStream();
      out.write("GET /metrics HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = c.getInputStream();
      assertEquals(-1, in.read(), "closed without an answer");
    }
  }
}
