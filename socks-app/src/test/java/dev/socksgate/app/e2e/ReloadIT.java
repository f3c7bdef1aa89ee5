package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.auth.AuthFile;
import dev.socksgate.app.auth.PasswordHash;
import dev.socksgate.app.support.AppProcess;
import dev.socksgate.app.support.EchoOrigin;
import dev.socksgate.app.support.SocksTestClient;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reload in the packaged app: SIGHUP and the control port's SIGNAL RELOAD re-read the config file;
 * a changed {@code socks-policy} applies to new connections (clients play 127.0.0.2 and 127.0.0.3);
 * a file that does not parse is kept out, logged with its file and line, and the server keeps
 * serving under its previous rules. A user removed from the {@code --auth-file} loses the relay
 * they have open while another user's relay carries on.
 */
class ReloadIT {

  private static final InetAddress A = ip("127.0.0.2");
  private static final InetAddress B = ip("127.0.0.3");
  private static final Pattern CONTROL = Pattern.compile("control port on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path dir;

  private Path config(String... lines) throws IOException {
    Path f = dir.resolve("socksgate.conf");
    Files.write(f, List.of(lines), StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void sighup_appliesAChangedPolicy_andKeepsABrokenFileOut() throws Exception {
    Path file = config("socks-port 127.0.0.4:0", "socks-policy reject 127.0.0.3");
    try (AppProcess app = AppProcess.start(1, "--config", file.toString())) {
      InetSocketAddress proxy = new InetSocketAddress(ip("127.0.0.4"), app.port());
      assertServed(A, proxy);
      assertRefused(B, proxy);

      config("socks-port 127.0.0.4:0", "socks-policy reject 127.0.0.2");
      app.signal("HUP");
      app.awaitLine("reload: changed socks-policy");
      assertRefused(A, proxy);
      assertServed(B, proxy);

      config("socks-port 127.0.0.4:0", "loops 3", "socks-policy reject 127.0.0.3/99");
      app.signal("HUP");
      String failed = app.awaitLine("reload failed, configuration unchanged");
      assertTrue(failed.contains(file + ":3"), failed);
      assertRefused(A, proxy); // the previous rules still stand
      assertServed(B, proxy);

      config("socks-port 127.0.0.4:0", "loops 3", "socks-policy reject 127.0.0.2");
      app.signal("HUP");
      app.awaitLine("reload: no option changed; needs a restart, left as it was: loops");
      assertEquals(0, app.stop(), app.log());
    }
  }

  @Test
  void signalReload_onTheControlPort_reloads() throws Exception {
    Path cookie = dir.resolve("control.cookie");
    Path file = config("socks-port 127.0.0.4:0", "socks-policy reject 127.0.0.3");
    try (AppProcess app =
        AppProcess.start(
            1,
            "--config",
            file.toString(),
            "--control-port",
            "127.0.0.1:0",
            "--control-cookie-file",
            cookie.toString())) {
      Matcher m = CONTROL.matcher(app.awaitLine("control port on"));
      assertTrue(m.find());
      InetSocketAddress proxy = new InetSocketAddress(ip("127.0.0.4"), app.port());
      assertServed(A, proxy);
      assertRefused(B, proxy);

      config("socks-port 127.0.0.4:0", "socks-policy reject 127.0.0.2");
      try (Socket s = new Socket()) {
        s.setSoTimeout(10_000);
        s.connect(new InetSocketAddress(ip("127.0.0.1"), Integer.parseInt(m.group(1))), 10_000);
        String hex = HexFormat.of().formatHex(Files.readAllBytes(cookie));
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        out.write(("AUTHENTICATE " + hex + "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals("250 OK", line(in));
        out.write("SIGNAL RELOAD\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("250 OK", line(in));
      }
      app.awaitLine("reload: changed socks-policy");
      assertRefused(A, proxy);
      assertServed(B, proxy);
      assertEquals(0, app.stop(), app.log());
    }
  }

  @Test
  void sighup_closesTheRelayOfARemovedUser_andKeepsTheOthers() throws Exception {
    String alice = AuthFile.entry("alice", PasswordHash.create("wonder".toCharArray(), 1000));
    String bob = AuthFile.entry("bob", PasswordHash.create("builder".toCharArray(), 1000));
    Path users = dir.resolve("users");
    Files.write(users, List.of(alice, bob), StandardCharsets.UTF_8);
    Path file = config("socks-port 127.0.0.1:0", "auth-file " + users);
    try (EchoOrigin origin = EchoOrigin.start();
        AppProcess app = AppProcess.start(1, "--config", file.toString());
        SocksTestClient a = relay(app, origin, "alice", "wonder");
        SocksTestClient b = relay(app, origin, "bob", "builder")) {
      roundTrip(a, "alice before");
      roundTrip(b, "bob before");

      Files.write(users, List.of(bob), StandardCharsets.UTF_8); // bob's entry as it was
      app.signal("HUP");
      String line = app.awaitLine("reload: ");
      assertTrue(
          line.contains(
              "auth file re-read, 1 user(s), closed 1 connection(s) of 1 revoked user(s)"),
          line);
      a.expectEof();
      roundTrip(b, "bob after");
      assertEquals(0, app.stop(), app.log());
    }
  }

  private static SocksTestClient relay(
      AppProcess app, EchoOrigin origin, String user, String password) throws IOException {
    SocksTestClient c =
        SocksTestClient.connect(new InetSocketAddress(ip("127.0.0.1"), app.port()))
            .login(user, password);
    assertEquals(
        Socks5ReplyCode.SUCCEEDED,
        c.request(Socks5Command.CONNECT, SocksAddress.of(ip("127.0.0.1")), origin.port()).rep());
    return c;
  }

  private static void roundTrip(SocksTestClient c, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    c.send(bytes);
    assertArrayEquals(bytes, c.readExactly(bytes.length), text);
  }

  /** A SOCKS5 greeting from {@code source} is answered: the client was admitted. */
  private static void assertServed(InetAddress source, InetSocketAddress proxy) throws IOException {
    try (Socket s = from(source, proxy)) {
      s.getOutputStream().write(new byte[] {5, 1, 0});
      assertEquals("0500", HexFormat.of().formatHex(s.getInputStream().readNBytes(2)));
    }
  }

  /** The connection from {@code source} is closed before a byte is read or written. */
  private static void assertRefused(InetAddress source, InetSocketAddress proxy)
      throws IOException {
    try (Socket s = from(source, proxy)) {
      assertEquals(-1, s.getInputStream().read(), "bytes sent to a refused client");
    }
  }

  private static Socket from(InetAddress source, InetSocketAddress proxy) throws IOException {
    Socket s = new Socket();
    s.setSoTimeout(10_000);
    s.bind(new InetSocketAddress(source, 0));
    s.connect(proxy, 10_000);
    return s;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n' && b.length() < 4096) {
      b.append((char) c);
    }
    return b.toString().strip();
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
