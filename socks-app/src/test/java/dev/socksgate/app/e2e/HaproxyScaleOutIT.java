package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.support.AppProcess;
import dev.socksgate.app.support.EchoOrigin;
import dev.socksgate.app.support.Haproxy;
import dev.socksgate.app.support.Tools;
import dev.socksgate.app.support.Tools.Client;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out behind a real HAProxy, with the configuration of docs/operations.md ("Behind a load
 * balancer"): two packaged instances with ProxyProtocol listeners, {@code send-proxy-v2} to one and
 * {@code send-proxy} (v1) to the other, health checks with {@code check-send-proxy}. Clients are
 * sockets bound to distinct 127.0.0.x sources; both instances run {@code --socks-policy "reject
 * 127.0.1.0/24, accept *"}. It shows that
 *
 * <ul>
 *   <li>each instance sees the client's own address (it logs it, with SafeLogging off), whichever
 *       version its header came in, and `balance source` keeps each client on one instance;
 *   <li>clients from 127.0.1.x are refused and the others relayed, on both instances;
 *   <li>health checks leave no trace in the logs above DEBUG;
 *   <li>when one instance is killed, HAProxy marks it down, new relays from every client succeed,
 *       and the other instance's open relays carry on.
 * </ul>
 */
class HaproxyScaleOutIT {

  private static final Path DOCS = Path.of("..", "docs", "operations.md");
  private static final String POLICY = "reject 127.0.1.0/24, accept *";
  private static final List<InetAddress> ADMITTED = range("127.0.0.", 2, 13);
  private static final List<InetAddress> REFUSED = range("127.0.1.", 1, 12);

  @TempDir Path dir;

  @Test
  void twoInstancesBehindHaproxy_seeTheirClients_andSurviveALoss() throws Exception {
    String binary = Tools.need(Client.HAPROXY);
    try (EchoOrigin echo = EchoOrigin.start();
        AppProcess a = instance();
        AppProcess b = instance()) {
      String docsConfig = docsConfig();
      try (Haproxy haproxy =
          Haproxy.start(
              binary,
              dir,
              f ->
                  docsConfig
                      .replace("127.0.0.1:1080\n", "127.0.0.1:" + f.port() + "\n")
                      .replace("127.0.0.1:10801 ", "127.0.0.1:" + a.port() + " ")
                      .replace("127.0.0.1:10802 ", "127.0.0.1:" + b.port() + " ")
                      .replace("/run/haproxy/socksgate.sock", f.statsSocket().toString()))) {
        haproxy.awaitState("socksgate", "a", "UP");
        haproxy.awaitState("socksgate", "b", "UP");
        InetSocketAddress front = haproxy.frontend();

        // Which instance serves which client, from the instances' own logs.
        Map<InetAddress, AppProcess> servedBy = new LinkedHashMap<>();
        for (InetAddress client : ADMITTED) {
          servedBy.put(client, probe(client, front, a, b));
        }
        assertTrue(
            servedBy.containsValue(a) && servedBy.containsValue(b), "both used: " + servedBy);
        for (InetAddress client : ADMITTED) {
          assertEquals(servedBy.get(client), probe(client, front, a, b), "balance source: sticky");
        }

        // Relays from every admitted client, kept open.
        List<Socket> open = new ArrayList<>();
        try {
          for (InetAddress client : ADMITTED) {
            open.add(relay(client, front, echo.port()));
          }
          // Refused clients: closed without a byte, by whichever instance they reach.
          for (InetAddress client : REFUSED) {
            assertRefused(client, front, echo.port());
          }
          a.awaitLine("--socks-policy refused");
          b.awaitLine("--socks-policy refused");
          for (AppProcess app : List.of(a, b)) {
            assertFalse(
                app.log().contains("ProxyProtocol listener"), "checks are quiet:\n" + app.log());
            assertFalse(
                app.log().contains("a client from 127.0.0.1 "),
                "no balancer address:\n" + app.log());
          }

          // Lose instance a.
          a.signal("KILL");
          a.awaitExit();
          haproxy.awaitState("socksgate", "a", "DOWN");
          for (InetAddress client : ADMITTED) {
            relay(client, front, echo.port()).close();
          }
          for (int i = 0; i < ADMITTED.size(); i++) {
            Socket s = open.get(i);
            if (servedBy.get(ADMITTED.get(i)) == b) {
              echoes(s, "still here " + i);
            } else {
              assertEnded(s);
            }
          }
        } finally {
          for (Socket s : open) {
            s.close();
          }
        }
      }
      assertEquals(0, b.stop());
    }
  }

  private static AppProcess instance() throws Exception {
    return AppProcess.start(
        1,
        "--socks-port",
        "127.0.0.1:0 ProxyProtocol",
        "--socks-policy",
        POLICY,
        "--safe-logging=false");
  }

  /** The section's {@code haproxy} block. */
  private static String docsConfig() throws IOException {
    String text = Files.readString(DOCS, StandardCharsets.UTF_8);
    int section = text.indexOf("## Behind a load balancer");
    assertTrue(section >= 0, "docs/operations.md has the section");
    int from = text.indexOf("```haproxy\n", section);
    int to = text.indexOf("\n```\n", from);
    assertTrue(from > 0 && to > from, "the section has a haproxy block");
    return text.substring(from + "```haproxy\n".length(), to + 1);
  }

  /**
   * Speaks HTTP from {@code client} through HAProxy: the instance that gets it answers with its
   * HTTP-resistance page and logs the client's address, which must be {@code client} itself.
   */
  private static AppProcess probe(
      InetAddress client, InetSocketAddress front, AppProcess a, AppProcess b) throws Exception {
    int aBefore = count(a.log(), client);
    int bBefore = count(b.log(), client);
    try (Socket s = from(client, front)) {
      s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String page = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertTrue(page.startsWith("HTTP/1.0 "), page);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      int da = count(a.log(), client) - aBefore;
      int db = count(b.log(), client) - bBefore;
      if (da + db > 0) {
        assertEquals(1, da + db, "one instance served it");
        return da == 1 ? a : b;
      }
      // Bounded poll: the line is logged before the page is sent, but reaches us through the
      // log-reader thread of either process, which offers nothing to wait on for both at once.
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    throw new AssertionError("no instance logged " + client);
  }

  private static int count(String log, InetAddress client) {
    String needle = "a client from " + client.getHostAddress() + " spoke HTTP";
    int n = 0;
    for (int at = log.indexOf(needle); at >= 0; at = log.indexOf(needle, at + 1)) {
      n++;
    }
    return n;
  }

  /** Opens a SOCKS5 CONNECT to the echo origin from {@code client} and checks one echo. */
  private static Socket relay(InetAddress client, InetSocketAddress front, int echoPort)
      throws IOException {
    Socket s = from(client, front);
    s.getOutputStream()
        .write(
            concat(
                hex("050100"),
                hex("050100017f000001"),
                new byte[] {(byte) (echoPort >> 8), (byte) echoPort}));
    assertArrayEquals(hex("0500"), read(s, 2));
    assertEquals("05000001", HexFormat.of().formatHex(read(s, 4)));
    read(s, 6); // BND.ADDR, BND.PORT
    echoes(s, "hello from " + client.getHostAddress());
    return s;
  }

  private static void echoes(Socket s, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    s.getOutputStream().write(b);
    assertArrayEquals(b, read(s, b.length));
  }

  private static void assertRefused(InetAddress client, InetSocketAddress front, int echoPort)
      throws IOException {
    try (Socket s = from(client, front)) {
      s.getOutputStream().write(hex("050100"));
      assertEnded(s);
    }
  }

  private static void assertEnded(Socket s) throws IOException {
    try {
      assertEquals(-1, s.getInputStream().read(), "a byte from a closed relay");
    } catch (SocketException reset) {
      // a reset ends it too
    }
  }

  private static Socket from(InetAddress source, InetSocketAddress to) throws IOException {
    Socket s = new Socket();
    s.setSoTimeout(10_000);
    s.bind(new InetSocketAddress(source, 0));
    s.connect(to, 10_000);
    return s;
  }

  private static byte[] read(Socket s, int n) throws IOException {
    InputStream in = s.getInputStream();
    byte[] b = in.readNBytes(n);
    assertEquals(n, b.length, "connection ended early");
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }

  private static List<InetAddress> range(String prefix, int from, int to) {
    List<InetAddress> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      try {
        out.add(InetAddress.getByName(prefix + i)); // a literal: no lookup
      } catch (IOException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return List.copyOf(out);
  }
}
