package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.support.AppProcess;
import dev.socksgate.app.support.HttpOrigin;
import dev.socksgate.app.support.Tools;
import dev.socksgate.app.support.Tools.Client;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prometheus's own linter accepts what {@code /metrics} serves after real traffic, when the
 * labelled series and the histograms exist: {@code promtool check metrics} exits 0 and prints
 * nothing (it prints every lint problem it finds).
 */
class PromtoolIT {

  @Test
  void exposition_afterTraffic_passesPromtool() throws Exception {
    String promtool = Tools.need(Client.PROMTOOL);
    Tools.need(Client.CURL);
    try (HttpOrigin origin = HttpOrigin.start(InetAddress.getByName("127.0.0.1"));
        AppProcess app =
            AppProcess.start(1, "--socks-port", "127.0.0.1:0", "--metrics-port", "127.0.0.1:0")) {
      String proxy = "127.0.0.1:" + app.port();
      Tools.Result ok = Tools.curl("--socks5", proxy, "http://127.0.0.1:" + origin.port() + "/");
      assertEquals(0, ok.exit(), ok.out() + "\n" + app.log());
      Tools.curl("--socks5-hostname", proxy, "http://localhost:1/"); // connection_refused
      // the relay's close is counted after curl is gone: scrape until both streams are in
      String body =
          app.metricsWhen(
              m ->
                  m.contains("outcome=\"succeeded\"")
                      && m.contains("outcome=\"connection_refused\""));
      assertTrue(
          body.contains("outcome=\"succeeded\"") && body.contains("outcome=\"connection_refused\""),
          body);
      assertTrue(body.contains("socksgate_stream_duration_seconds_bucket"), body);
      Tools.Result lint = Tools.run(List.of(promtool, "check", "metrics"), body);
      assertEquals(0, lint.exit(), lint.out());
      assertEquals("", lint.out().strip(), "promtool found problems");
    }
  }
}
