package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.app.support.AppProcess;
import dev.socksgate.app.support.EchoOrigin;
import dev.socksgate.app.support.SocksTestClient;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The counts {@code /metrics} serves equal the traffic driven through the packaged app: accepted
 * connections, handshakes, streams by command and outcome, bytes each way, and no connection left
 * active once every client has gone.
 */
class MetricsCountIT {

  private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(?:\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int RELAYS = 5;

  @Test
  void countsEqualTheTraffic() throws Exception {
    try (EchoOrigin origin = EchoOrigin.start();
        AppProcess app =
            AppProcess.start(1, "--socks-port", "127.0.0.1:0", "--metrics-port", "127.0.0.1:0")) {
      InetSocketAddress proxy = new InetSocketAddress(LOOPBACK, app.port());
      long bytes = 0;
      for (int i = 0; i < RELAYS; i++) {
        byte[] payload = new byte[1000 + 37 * i];
        Arrays.fill(payload, (byte) ('a' + i));
        try (SocksTestClient c = SocksTestClient.connect(proxy).noAuth()) {
          assertEquals(
              Socks5ReplyCode.SUCCEEDED,
              c.request(Socks5Command.CONNECT, SocksAddress.of(LOOPBACK), origin.port()).rep());
          c.send(payload);
          assertArrayEquals(payload, c.readExactly(payload.length));
        }
        bytes += payload.length;
      }
      int closed;
      try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
        closed = s.getLocalPort();
      }
      try (SocksTestClient c = SocksTestClient.connect(proxy).noAuth()) {
        assertEquals(
            Socks5ReplyCode.CONNECTION_REFUSED,
            c.request(Socks5Command.CONNECT, SocksAddress.of(LOOPBACK), closed).rep());
      }
      try (SocksTestClient c = SocksTestClient.connect(proxy).noAuth()) {
        assertEquals(
            Socks5ReplyCode.SUCCEEDED,
            c.request(Socks5Command.RESOLVE, SocksAddress.domain("localhost"), 0).rep());
      }
      String listener = "127.0.0.1:" + app.port();
      // relays are counted when the server sees them close: read until every client is gone
      String body =
          app.metricsWhen(
              m ->
                  value(m, "socksgate_active_connections", Map.of()) == 0
                      && value(m, "socksgate_streams_total", Map.of()) == RELAYS + 2);
      Map<String, String> on = Map.of("listener", listener);
      assertEquals(RELAYS + 2, value(body, "socksgate_connections_accepted_total", on), body);
      assertEquals(
          RELAYS + 2,
          value(
              body,
              "socksgate_handshakes_total",
              Map.of("listener", listener, "protocol", "socks5", "outcome", "ok")),
          body);
      assertEquals(RELAYS, streams(body, listener, "connect", "succeeded"), body);
      assertEquals(1, streams(body, listener, "connect", "connection_refused"), body);
      assertEquals(1, streams(body, listener, "resolve", "succeeded"), body);
      assertEquals(RELAYS + 2, value(body, "socksgate_streams_total", Map.of()), body);
      assertEquals(
          bytes,
          value(body, "socksgate_bytes_total", Map.of("listener", listener, "direction", "up")),
          body);
      assertEquals(
          bytes,
          value(body, "socksgate_bytes_total", Map.of("listener", listener, "direction", "down")),
          body);
      assertEquals(0, value(body, "socksgate_active_connections", on), body);
      assertEquals(0, value(body, "socksgate_active_relays", on), body);
    }
  }

  private static long streams(String body, String listener, String command, String outcome) {
    return value(
        body,
        "socksgate_streams_total",
        Map.of("listener", listener, "command", command, "outcome", outcome));
  }

  /** The sum of the samples of {@code name} whose labels include {@code labels}. */
  private static long value(String body, String name, Map<String, String> labels) {
    double sum = 0;
    for (String line : body.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (line.startsWith("#") || !m.matches() || !m.group(1).equals(name)) {
        continue;
      }
      Map<String, String> has = new HashMap<>();
      Matcher l = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
      while (l.find()) {
        has.put(l.group(1), l.group(2));
      }
      if (has.entrySet().containsAll(labels.entrySet())) {
        sum += Double.parseDouble(m.group(3));
      }
    }
    return Math.round(sum);
  }
}
