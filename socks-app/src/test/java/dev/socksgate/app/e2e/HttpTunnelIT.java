package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.support.AppProcess;
import dev.socksgate.app.support.HttpOrigin;
import dev.socksgate.app.support.Tools;
import dev.socksgate.app.support.Tools.Client;
import dev.socksgate.app.support.Tools.Result;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP CONNECT (issue 15) with real clients against the packaged server: curl with {@code -p -x},
 * curl configured by the {@code http_proxy} environment variable, curl with {@code --proxy-user}
 * against {@code --auth-file}, and Python's {@code http.client} tunnel. Only loopback: the exit
 * policy refuses every other destination, and no name is looked up.
 */
class HttpTunnelIT {

  static final String LOOPBACK_ONLY = "accept 127.0.0.0/8:*,accept [::1]:*,reject *:*";

  private static HttpOrigin origin;
  private static AppProcess app;

  @BeforeAll
  static void start() throws Exception {
    origin = HttpOrigin.start(InetAddress.getByName("127.0.0.1"));
    app =
        AppProcess.start(
            2,
            "--socks-port",
            "127.0.0.1:0 HTTPTunnel",
            "--http-tunnel-port",
            "127.0.0.1:0",
            "--exit-policy",
            LOOPBACK_ONLY);
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      assertEquals(0, app.stop(), "SIGTERM drains and exits 0; log:\n" + app.log());
    }
    origin.close();
  }

  private static String url() {
    return "http://127.0.0.1:" + origin.port() + "/";
  }

  private static void assertFetched(Result r) {
    assertEquals(0, r.exit(), r.out());
    assertEquals(HttpOrigin.BODY, r.out());
  }

  /** Runs curl with {@code env} added and no proxy setting of the caller's environment. */
  private static Result curlWithEnv(List<String> env, String... args) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                "/usr/bin/env",
                "-u",
                "HTTP_PROXY",
                "-u",
                "HTTPS_PROXY",
                "-u",
                "ALL_PROXY",
                "-u",
                "all_proxy",
                "-u",
                "no_proxy",
                "-u",
                "NO_PROXY"));
    cmd.addAll(env);
    cmd.addAll(List.of(Tools.need(Client.CURL), "-sS", "--max-time", "20"));
    cmd.addAll(List.of(args));
    return Tools.run(cmd, null);
  }

  @Test
  void curl_proxytunnel_throughHttpTunnelPortAndSocksPortWithTheFlag() throws Exception {
    assertFetched(Tools.curl("-p", "-x", "http://127.0.0.1:" + app.port(1), url()));
    assertFetched(Tools.curl("-p", "-x", "http://127.0.0.1:" + app.port(0), url()));
    // The same port still speaks SOCKS5.
    assertFetched(Tools.curl("--socks5", "127.0.0.1:" + app.port(0), url()));
  }

  @Test
  void curl_proxyFromTheEnvironment_tunnelsWithConnect() throws Exception {
    // curl reads http_proxy for http:// URLs; -p makes it CONNECT instead of forwarding a GET.
    // (An https_proxy setting would need a TLS origin; http_proxy plus -p exercises the same
    // CONNECT path from the environment.)
    Result r =
        curlWithEnv(List.of("http_proxy=http://127.0.0.1:" + app.port(1)), "-p", "-v", url());
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("CONNECT 127.0.0.1:" + origin.port()), r.out());
    assertTrue(r.out().contains("HTTP/1.0 200 OK"), r.out());
    assertTrue(r.out().endsWith(HttpOrigin.BODY), r.out());
  }

  @Test
  void curl_plainProxyGet_getsThe405PageNotTheOrigin() throws Exception {
    Result r =
        Tools.curl(
            "-x",
            "http://127.0.0.1:" + app.port(1),
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            url());
    assertEquals("405", r.out(), "a GET through the tunnel port is refused, never fetched");
  }

  @Test
  void curl_exitPolicyRefusal_is503NamingThePolicy() throws Exception {
    Result r =
        Tools.curl("-p", "-v", "-x", "http://127.0.0.1:" + app.port(1), "http://192.0.2.1:80/");
    assertNotEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("HTTP/1.0 503 Refused by policy"), r.out());
  }

  @Test
  void python_httpClientSetTunnel_sendsConnectWithAnIsolationHeader() throws Exception {
    String python = Tools.need(Client.PYTHON);
    String script =
        "import http.client,sys\n"
            + "c=http.client.HTTPConnection('127.0.0.1',"
            + app.port(1)
            + ",timeout=20)\n"
            + "c.set_tunnel('127.0.0.1',"
            + origin.port()
            + ",headers={'Tor-Stream-Isolation':'python'})\n"
            + "c.request('GET','/')\n"
            + "sys.stdout.write(c.getresponse().read().decode())\n";
    Result r = Tools.run(List.of(python, "-c", script), null);
    assertEquals(0, r.exit(), r.out());
    assertEquals(HttpOrigin.BODY, r.out());
  }

  @TempDir Path dir;

  @Test
  void curl_proxyUser_againstAuthFile_200Or407() throws Exception {
    Tools.need(Client.CURL);
    Result made =
        Tools.run(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p",
                AppProcess.modules().toString(),
                "-m",
                "dev.socksgate.app",
                "passwd",
                "--iterations",
                "20000",
                "alice"),
            "wonderland\n");
    assertEquals(0, made.exit(), made.out());
    Path users = dir.resolve("users");
    Files.writeString(users, made.out(), StandardCharsets.UTF_8);
    try (AppProcess secured =
        AppProcess.start(
            2,
            "--socks-port",
            "127.0.0.1:0",
            "--http-tunnel-port",
            "127.0.0.1:0",
            "--auth-file",
            users.toString(),
            "--exit-policy",
            LOOPBACK_ONLY)) {
      String proxy = "http://127.0.0.1:" + secured.port(1);
      assertFetched(Tools.curl("-p", "-x", proxy, "--proxy-user", "alice:wonderland", url()));
      for (String wrong : new String[] {"alice:looking-glass", "mallory:wonderland"}) {
        Result r = Tools.curl("-p", "-v", "-x", proxy, "--proxy-user", wrong, url());
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("HTTP/1.0 407 Proxy Authentication Required"), r.out());
        assertTrue(r.out().contains("Proxy-Authenticate: Basic realm=\"socksgate\""), r.out());
      }
      Result none = Tools.curl("-p", "-v", "-x", proxy, url());
      assertTrue(none.out().contains("HTTP/1.0 407"), none.out());
      assertEquals(0, secured.stop(), secured.log());
    }
  }
}
