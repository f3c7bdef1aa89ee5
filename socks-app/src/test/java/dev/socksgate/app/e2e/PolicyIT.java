package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.support.AppProcess;
import dev.socksgate.app.support.HttpOrigin;
import dev.socksgate.app.support.Tools;
import dev.socksgate.app.support.Tools.Client;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * {@code --socks-policy} and {@code --exit-policy} in the packaged app, from config values to bytes
 * on the wire: clients play 127.0.0.2 (admitted) and 127.0.0.3 (refused); the origin listens on
 * 127.0.0.1. The names used are {@code localhost} only (the hosts file), never real DNS.
 */
class PolicyIT {

  private static final InetAddress ADMITTED = ip("127.0.0.2");
  private static final InetAddress REFUSED = ip("127.0.0.3");

  @Test
  void socksPolicyAtAccept_exitPolicyOnNamesAndAddresses() throws Exception {
    Tools.need(Client.CURL);
    try (HttpOrigin origin = HttpOrigin.start(ip("127.0.0.1"))) {
      int port = origin.port();
      try (AppProcess app =
          AppProcess.start(
              1,
              "--socks-port",
              "127.0.0.4:0",
              "--socks-policy",
              "accept 127.0.0.2, reject *",
              "--exit-policy",
              "reject localhost:*, accept 127.0.0.1:" + port,
              "--exit-policy",
              "reject *:*")) {
        InetSocketAddress proxy = new InetSocketAddress(ip("127.0.0.4"), app.port());

        // a real client, admitted, to an allowed address
        Tools.Result ok =
            Tools.curl(
                "--interface",
                "127.0.0.2",
                "--socks5",
                "127.0.0.4:" + app.port(),
                "http://127.0.0.1:" + port + "/");
        assertEquals(0, ok.exit(), ok.out() + "\n" + app.log());
        assertEquals(HttpOrigin.BODY, ok.out());

        // the same client, refused by the name rule before any lookup: SOCKS5 02
        byte[] name = "localhost".getBytes(StandardCharsets.US_ASCII);
        try (Socket s = from(ADMITTED, proxy)) {
          write(
              s,
              hex("050100"),
              hex("0501000309"),
              name,
              new byte[] {(byte) (port >> 8), (byte) port});
          assertArrayEquals(hex("0500"), read(s, 2));
          assertEquals("050200", HexFormat.of().formatHex(read(s, 3)));
        }
        // SOCKS4 to a port no accept rule covers: 5B
        try (Socket s = from(ADMITTED, proxy)) {
          write(s, hex("0401000d7f00000100")); // 127.0.0.1:13, empty USERID
          assertEquals("005b", HexFormat.of().formatHex(read(s, 2)));
        }
        // curl by name (SOCKS4a) is refused too, and says so
        Tools.Result named =
            Tools.curl(
                "--interface",
                "127.0.0.2",
                "--socks4a",
                "127.0.0.4:" + app.port(),
                "http://localhost:" + port + "/");
        assertNotEquals(0, named.exit(), named.out());

        // a refused client: closed before a byte is read or written
        try (Socket s = from(REFUSED, proxy)) {
          assertEquals(-1, s.getInputStream().read(), "bytes sent to a refused client");
        }
        app.awaitLine("--socks-policy refused 1 connection(s)");
        assertEquals(1, origin.peers().size(), "only the allowed request reached the origin");
        assertEquals(0, app.stop());
        assertTrue(app.log().contains("[scrubbed]"), app.log()); // SafeLogging is on by default
      }
    }
  }

  private static Socket from(InetAddress source, InetSocketAddress proxy) throws IOException {
    Socket s = new Socket();
    s.setSoTimeout(10_000);
    s.bind(new InetSocketAddress(source, 0));
    s.connect(proxy, 10_000);
    return s;
  }

  private static void write(Socket s, byte[]... parts) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      all.write(p);
    }
    s.getOutputStream().write(all.toByteArray());
  }

  private static byte[] read(Socket s, int n) throws IOException {
    InputStream in = s.getInputStream();
    byte[] b = in.readNBytes(n);
    assertEquals(n, b.length, "connection ended early");
    return b;
  }

  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal); // a literal: no lookup
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
