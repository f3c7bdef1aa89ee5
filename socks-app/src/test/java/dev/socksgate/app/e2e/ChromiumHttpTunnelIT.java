package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.support.AppProcess;
import dev.socksgate.app.support.HttpOrigin;
import dev.socksgate.app.support.TlsOrigin;
import dev.socksgate.app.support.Tools;
import dev.socksgate.app.support.Tools.Client;
import dev.socksgate.app.support.Tools.Result;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless Chromium with {@code --proxy-server=http://…} against the packaged server's {@code
 * --http-tunnel-port}. A browser sends CONNECT only for {@code https://} URLs (for {@code http://}
 * it sends an absolute-form GET, which a CONNECT tunnel refuses as Tor's does), so the page comes
 * from a loopback TLS origin with a throw-away certificate.
 *
 * <p>No other network: Chromium's background services are turned off, the server's exit policy
 * accepts loopback only, and the server's JVM resolves names from a hosts file that holds only
 * {@code localhost} ({@code -Djdk.net.hosts.file}), so a stray CONNECT to a name fails without a
 * DNS query.
 */
class ChromiumHttpTunnelIT {

  @TempDir Path dir;

  private List<String> chromium(String chromium, int proxyPort, String url) throws Exception {
    Path profile = Files.createDirectories(dir.resolve("profile"));
    return List.of(
        chromium,
        "--headless=new",
        "--no-sandbox",
        "--proxy-server=http://127.0.0.1:" + proxyPort,
        "--proxy-bypass-list=<-loopback>",
        "--ignore-certificate-errors",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-default-apps",
        "--user-data-dir=" + profile,
        "--dump-dom",
        url);
  }

  private AppProcess server() throws Exception {
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, "127.0.0.1 localhost\n::1 localhost\n", StandardCharsets.US_ASCII);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts,
                "-p",
                AppProcess.modules().toString(),
                "-m",
                "dev.socksgate.app",
                "--socks-port",
                "127.0.0.1:0",
                "--http-tunnel-port",
                "127.0.0.1:0",
                "--exit-policy",
                HttpTunnelIT.LOOPBACK_ONLY));
    return AppProcess.start(2, cmd, Map.of());
  }

  @Test
  void chromium_httpsPageThroughConnect_andAPlainGetGetsThe405Page() throws Exception {
    String chromium = Tools.need(Client.CHROMIUM);
    try (TlsOrigin tls = TlsOrigin.start(dir);
        HttpOrigin plain = HttpOrigin.start(InetAddress.getByName("127.0.0.1"));
        AppProcess app = server()) {
      Result page =
          Tools.run(
              chromium(chromium, app.port(1), "https://127.0.0.1:" + tls.port() + "/page"), null);
      assertEquals(0, page.exit(), page.out());
      assertTrue(page.out().contains("<p id=\"m\">through the tunnel</p>"), page.out());

      Result refused =
          Tools.run(
              chromium(chromium, app.port(1), "http://127.0.0.1:" + plain.port() + "/"), null);
      assertTrue(
          refused.out().contains("This is an HTTP CONNECT tunnel, not an HTTP proxy"),
          refused.out());
      assertTrue(plain.peers().isEmpty(), "the plain origin was never reached");
      assertEquals(0, app.stop(), app.log());
    }
  }
}
