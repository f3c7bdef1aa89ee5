package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.support.AppProcess;
import dev.socksgate.app.support.HttpOrigin;
import dev.socksgate.app.support.Tools;
import dev.socksgate.app.support.Tools.Client;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tor's SafeLogging: with real traffic and the most verbose log level, no destination, host name,
 * client address or credential appears in the log. The listener is on 127.0.0.4, the client
 * connects from 127.0.0.2 and the origin listens on 127.0.0.1 (reached as {@code localhost} too),
 * so no address in the log can be the listener's own.
 */
class SafeLoggingIT {

  @Test
  void debugLogOfRealTraffic_holdsNoClientData() throws Exception {
    Tools.need(Client.CURL);
    String torResolve = Tools.need(Client.TOR_RESOLVE);
    try (HttpOrigin origin = HttpOrigin.start(InetAddress.getByName("127.0.0.1"));
        AppProcess app =
            AppProcess.start(
                1, "--socks-port", "127.0.0.4:0", "--log-level", "trace", "--test-socks")) {
      String proxy = "127.0.0.4:" + app.port();
      int port = origin.port();
      Tools.Result v5 =
          Tools.curl(
              "--interface",
              "127.0.0.2",
              "--socks5",
              "secret-user-name:secret-pass-word@" + proxy,
              "http://127.0.0.1:" + port + "/");
      assertEquals(0, v5.exit(), v5.out() + "\n" + app.log());
      Tools.Result v4a =
          Tools.curl(
              "--interface", "127.0.0.2", "--socks4a", proxy, "http://localhost:" + port + "/");
      assertEquals(0, v4a.exit(), v4a.out() + "\n" + app.log());
      // failures are logged at debug: a refused port and an unknown command
      Tools.curl("--interface", "127.0.0.2", "--socks5-hostname", proxy, "http://localhost:1/");
      Tools.run(List.of(torResolve, "-5", "localhost", proxy), null);
      assertEquals(0, app.stop());
      String log = app.log();
      assertTrue(log.contains("[scrubbed]"), "scrubbed markers expected:\n" + log);
      for (String secret :
          List.of(
              "127.0.0.2",
              "127.0.0.1",
              "localhost",
              "secret-user-name",
              "secret-pass-word",
              ":" + port)) {
        assertFalse(log.contains(secret), "'" + secret + "' leaked into the log:\n" + log);
      }
    }
  }
}
