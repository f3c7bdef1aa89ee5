package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.support.AppProcess;
import dev.socksgate.app.support.HttpOrigin;
import dev.socksgate.app.support.Tools;
import dev.socksgate.app.support.Tools.Result;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --auth-file} end to end: the file is made with the {@code passwd} subcommand of the
 * packaged app, then curl with the right password gets through, and a wrong password, an unknown
 * user, no credentials and SOCKS4 are refused.
 */
class AuthFileIT {

  @TempDir Path dir;

  @Test
  void onlyTheRightPasswordGetsThrough() throws Exception {
    Tools.need(Tools.Client.CURL);
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
    assertTrue(made.out().startsWith("alice:pbkdf2-sha512:20000:"), made.out());
    Path users = dir.resolve("users");
    Files.writeString(users, made.out(), StandardCharsets.UTF_8);

    try (HttpOrigin origin = HttpOrigin.start(InetAddress.getByName("127.0.0.1"));
        AppProcess app =
            AppProcess.start(1, "--socks-port", "127.0.0.1:0", "--auth-file", users.toString())) {
      String url = "http://127.0.0.1:" + origin.port() + "/";
      String proxy = "127.0.0.1:" + app.port();
      Result ok = Tools.curl("--socks5", "alice:wonderland@" + proxy, url);
      assertEquals(0, ok.exit(), ok.out());
      assertEquals(HttpOrigin.BODY, ok.out());

      assertNotEquals(0, Tools.curl("--socks5", "alice:looking-glass@" + proxy, url).exit());
      assertNotEquals(0, Tools.curl("--socks5", "mallory:wonderland@" + proxy, url).exit());
      assertNotEquals(0, Tools.curl("--socks5", proxy, url).exit());
      assertNotEquals(0, Tools.curl("--socks4", proxy, url).exit());
      assertEquals(1, origin.peers().size(), "only the authenticated request reached the origin");
      assertEquals(0, app.stop());
    }
  }
}
