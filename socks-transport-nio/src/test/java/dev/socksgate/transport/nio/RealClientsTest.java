package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Real clients against the server: the JDK's own SOCKS client (SOCKS5 by address and by name, and
 * SOCKS4 through the {@code socksProxyVersion} property the JDK reads on every connect), and curl
 * with {@code --socks4}, {@code --socks4a}, {@code --socks5}, {@code --socks5-hostname}, with and
 * without credentials, to an in-test HTTP origin. Names ({@code origin.test}) resolve only through
 * the test's fake names. Without curl its tests are skipped (failed when required).
 */
class RealClientsTest {

  private static final Path CURL = Path.of("/usr/bin/curl");
  private static Harness open;
  private static Harness passworded;
  private static HttpOrigin http;
  private static EchoOrigin echo;

  @BeforeAll
  static void start() throws IOException {
    open = Harness.start();
    passworded =
        Harness.options()
            .config(
                b ->
                    b.handshake(new HandshakeOptions(true, false))
                        .authenticator(
                            (client, u, p) ->
                                CompletableFuture.completedFuture(
                                    Arrays.equals(u, "user".getBytes(StandardCharsets.US_ASCII))
                                        && Arrays.equals(
                                            p, "password".getBytes(StandardCharsets.US_ASCII)))))
            .start();
    http = new HttpOrigin(FakeNames.v4());
    echo = EchoOrigin.start(FakeNames.v4());
  }

  @AfterAll
  static void stop() throws IOException {
    open.close();
    passworded.close();
    http.close();
    echo.close();
  }

  @Test
  void jdkClient_socks5ByAddressAndByName_relays() throws IOException {
    int port = echo.address().getPort();
    for (InetSocketAddress target :
        List.of(
            new InetSocketAddress(FakeNames.v4(), port),
            InetSocketAddress.createUnresolved("origin.test", port))) {
      jdkRoundTrip(open.v4(), target);
      jdkRoundTrip(open.v6(), target);
    }
  }

  @Test
  void jdkClient_socks4_relays() throws IOException {
    String before = System.getProperty("socksProxyVersion");
    System.setProperty("socksProxyVersion", "4");
    try {
      jdkRoundTrip(open.v4(), new InetSocketAddress(FakeNames.v4(), echo.address().getPort()));
      assertEquals(SocksProtocol.SOCKS4, lastRequest(open).protocol());
    } finally {
      if (before == null) {
        System.clearProperty("socksProxyVersion");
      } else {
        System.setProperty("socksProxyVersion", before);
      }
    }
  }

  private static void jdkRoundTrip(InetSocketAddress proxy, InetSocketAddress target)
      throws IOException {
    try (Socket s = new Socket(new Proxy(Proxy.Type.SOCKS, proxy))) {
      s.setSoTimeout(SocksClient.TIMEOUT_MILLIS);
      s.connect(target, SocksClient.TIMEOUT_MILLIS);
      byte[] data = SocksClient.random(10_000, target.getPort());
      s.getOutputStream().write(data);
      InputStream in = s.getInputStream();
      assertArrayEquals(data, in.readNBytes(data.length));
    }
  }

  /**
   * Skips the calling test with one line when curl is missing, or fails it under {@code
   * -Dsocksgate.clients=required} (what .ci/run passes).
   */
  private static void needCurl() {
    if (Files.isExecutable(CURL)) {
      return;
    }
    String line = "curl not found (" + CURL + "); Debian package: curl";
    String mode = System.getProperty("socksgate.clients", "");
    if (mode.equals("required")) {
      fail(line + " (required by -Dsocksgate.clients=required)");
    } else if (!mode.isEmpty() && !mode.equals("optional")) {
      throw new IllegalStateException(
          "-Dsocksgate.clients=" + mode + ": expected 'required' or 'optional'");
    }
    System.err.println("skipped: " + line);
    Assumptions.abort("skipped: " + line);
  }

  @TestFactory
  Stream<DynamicTest> curl_everySocksMode_withAndWithoutCredentials() {
    needCurl();
    List<DynamicTest> tests = new ArrayList<>();
    int port = http.port();
    String byAddress = "http://127.0.0.1:" + port + "/";
    String byName = "http://origin.test:" + port + "/";
    String[][] modes = {
      {"--socks4", byAddress},
      {"--socks4a", byName},
      {"--socks5", byAddress},
      {"--socks5-hostname", byName}
    };
    for (String[] m : modes) {
      SocksProtocol expected =
          m[0].equals("--socks4")
              ? SocksProtocol.SOCKS4
              : m[0].equals("--socks4a") ? SocksProtocol.SOCKS4A : SocksProtocol.SOCKS5;
      tests.add(
          dynamicTest(
              "curl " + m[0],
              () -> {
                curlOk(open.v4(), m[0], null, m[1]);
                StreamRequest r = lastRequest(open);
                assertEquals(expected, r.protocol());
                assertEquals(
                    m[1] == byName, r.target().host() instanceof Host.Name, "sent by name");
              }));
      tests.add(
          dynamicTest("curl " + m[0] + " via ::1", () -> curlOk(open.v6(), m[0], null, m[1])));
      // SOCKS4 carries a user id only; SOCKS5 credentials go through RFC 1929.
      boolean socks5 = m[0].startsWith("--socks5");
      Harness h = socks5 ? passworded : open;
      tests.add(
          dynamicTest(
              "curl " + m[0] + " with user:password",
              () -> curlOk(h.v4(), m[0], "user:password", m[1])));
    }
    tests.add(
        dynamicTest(
            "curl --socks5-hostname with a wrong password fails",
            () ->
                assertNotEquals(
                    0, curl(passworded.v4(), "--socks5-hostname", "user:wrong", byName).exit)));
    return tests.stream();
  }

  private static StreamRequest lastRequest(Harness h) {
    List<Object> events = h.events.events();
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof StreamRequest r) {
        return r;
      }
    }
    throw new AssertionError("no request seen");
  }

  private static void curlOk(InetSocketAddress proxy, String mode, String credentials, String url)
      throws Exception {
    CurlResult r = curl(proxy, mode, credentials, url);
    assertEquals(0, r.exit, "curl failed: " + r.stderr);
    assertEquals(HttpOrigin.BODY, r.stdout);
  }

  private record CurlResult(int exit, String stdout, String stderr) {}

  private static CurlResult curl(
      InetSocketAddress proxy, String mode, String credentials, String url) throws Exception {
    String host = proxy.getAddress().getHostAddress();
    String hostPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + proxy.getPort();
    List<String> cmd =
        new ArrayList<>(
            List.of(CURL.toString(), "--noproxy", "", "-sS", "--max-time", "10", mode, hostPort));
    if (credentials != null) {
      cmd.add("--proxy-user");
      cmd.add(credentials);
    }
    cmd.add(url);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    for (String v :
        new String[] {
          "http_proxy",
          "https_proxy",
          "all_proxy",
          "HTTP_PROXY",
          "HTTPS_PROXY",
          "ALL_PROXY",
          "no_proxy",
          "NO_PROXY"
        }) {
      pb.environment().remove(v);
    }
    Process p = pb.start();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return p.getErrorStream().readAllBytes();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("curl did not finish");
    }
    return new CurlResult(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8));
  }
}
