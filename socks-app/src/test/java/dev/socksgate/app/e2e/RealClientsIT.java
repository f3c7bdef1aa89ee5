package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.support.AppProcess;
import dev.socksgate.app.support.HttpOrigin;
import dev.socksgate.app.support.Tools;
import dev.socksgate.app.support.Tools.Client;
import dev.socksgate.app.support.Tools.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged server, started with the README's command, driven by real clients: curl,
 * tor-resolve, Python's PySocks and the JDK's SOCKS client. Everything stays on loopback; the only
 * names used are {@code localhost} (from /etc/hosts, never DNS) and IP literals.
 */
class RealClientsIT {

  private static HttpOrigin origin4;
  private static HttpOrigin origin6;
  private static AppProcess app;

  @BeforeAll
  static void start() throws Exception {
    origin4 = HttpOrigin.start(InetAddress.getByName("127.0.0.1"));
    origin6 = HttpOrigin.start(InetAddress.getByName("::1"));
    app = AppProcess.start(1, "--socks-port", "127.0.0.1:0");
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      assertEquals(0, app.stop(), "SIGTERM drains and exits 0; log:\n" + app.log());
    }
    origin4.close();
    origin6.close();
  }

  private static String proxy() {
    return "127.0.0.1:" + app.port();
  }

  private static void assertFetched(Result r) {
    assertEquals(0, r.exit(), r.out());
    assertEquals(HttpOrigin.BODY, r.out());
  }

  @Test
  void curl_socks4_socks4a_socks5_socks5Hostname() throws Exception {
    assertFetched(Tools.curl("--socks4", proxy(), "http://127.0.0.1:" + origin4.port() + "/"));
    assertFetched(Tools.curl("--socks4a", proxy(), "http://localhost:" + origin4.port() + "/"));
    assertFetched(Tools.curl("--socks5", proxy(), "http://127.0.0.1:" + origin4.port() + "/"));
    assertFetched(
        Tools.curl("--socks5-hostname", proxy(), "http://localhost:" + origin4.port() + "/"));
  }

  @Test
  void curl_ipv6LiteralDestination() throws Exception {
    assertFetched(Tools.curl("--socks5", proxy(), "http://[::1]:" + origin6.port() + "/"));
  }

  @Test
  void curl_withUserPassword_isAcceptedWithoutAuthFile() throws Exception {
    assertFetched(
        Tools.curl(
            "--socks5-hostname",
            "alice:secret@" + proxy(),
            "http://localhost:" + origin4.port() + "/"));
  }

  @Test
  void curl_usingThePortAsAnHttpProxy_getsThe501Page() throws Exception {
    Result r =
        Tools.run(
            List.of(
                Tools.need(Client.CURL),
                "-sS",
                "--noproxy",
                "",
                "--max-time",
                "20",
                "-i",
                "-x",
                "http://" + proxy(),
                "http://example.test/"),
            null);
    assertTrue(r.out().startsWith("HTTP/1.0 501 "), r.out());
    assertTrue(r.out().contains("This is a SOCKS proxy, not an HTTP proxy"), r.out());
  }

  @Test
  void torResolve_overSocks5AndSocks4a_andReverse() throws Exception {
    String torResolve = Tools.need(Client.TOR_RESOLVE);
    Result v5 = Tools.run(List.of(torResolve, "-5", "localhost", proxy()), null);
    assertEquals(0, v5.exit(), v5.out());
    assertEquals("127.0.0.1", v5.out().strip());
    Result v4 = Tools.run(List.of(torResolve, "-4", "localhost", proxy()), null);
    assertEquals(0, v4.exit(), v4.out());
    assertEquals("127.0.0.1", v4.out().strip());
    Result ptr = Tools.run(List.of(torResolve, "-x", "127.0.0.1", proxy()), null);
    assertEquals(0, ptr.exit(), ptr.out());
    assertEquals("localhost", ptr.out().strip());
  }

  @Test
  void pysocks_socks4_socks4a_socks5_remoteDns() throws Exception {
    String script =
        String.join(
            "\n",
            "import socks, sys",
            "proxy_port, origin = int(sys.argv[1]), int(sys.argv[2])",
            "cases = [(socks.SOCKS4, '127.0.0.1', False), (socks.SOCKS4, 'localhost', True),",
            "         (socks.SOCKS5, '127.0.0.1', False), (socks.SOCKS5, 'localhost', True)]",
            "for kind, host, rdns in cases:",
            "    s = socks.socksocket()",
            "    s.settimeout(20)",
            "    s.set_proxy(kind, '127.0.0.1', proxy_port, rdns=rdns)",
            "    s.connect((host, origin))",
            "    s.sendall(b'GET / HTTP/1.0\\r\\n\\r\\n')",
            "    data = b''",
            "    while True:",
            "        chunk = s.recv(4096)",
            "        if not chunk: break",
            "        data += chunk",
            "    s.close()",
            "    print(kind, host, data.split(b'\\r\\n\\r\\n', 1)[1].decode().strip())",
            "");
    Result r =
        Tools.run(
            List.of(
                Tools.need(Client.PYSOCKS),
                "-c",
                script,
                String.valueOf(app.port()),
                String.valueOf(origin4.port())),
            null);
    assertEquals(0, r.exit(), r.out());
    assertEquals(
        4, r.out().lines().filter(l -> l.endsWith(HttpOrigin.BODY.strip())).count(), r.out());
  }

  @Test
  void jdkSocksClient_connectsByAddressAndByName() throws Exception {
    Proxy proxy = new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", app.port()));
    assertEquals(
        HttpOrigin.BODY,
        fetch(proxy, new InetSocketAddress(InetAddress.getByName("127.0.0.1"), origin4.port())));
    assertEquals(
        HttpOrigin.BODY,
        fetch(proxy, InetSocketAddress.createUnresolved("localhost", origin4.port())));
  }

  static String fetch(Proxy proxy, InetSocketAddress target) throws IOException {
    try (Socket s = new Socket(proxy)) {
      s.setSoTimeout(20_000);
      s.connect(target, 20_000);
      OutputStream out = s.getOutputStream();
      out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
  }
}
