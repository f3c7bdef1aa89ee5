package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.support.AppProcess;
import org.junit.jupiter.api.Test;

/**
 * The packaged app, launched as the README says: logging configures itself on its own thread while
 * the options are parsed, and {@code --log-level} is in force before the first listener is bound
 * (the transport's debug line about binding comes out, in the bundled format).
 */
class LogLevelIT {

  @Test
  void debugLevel_appliesBeforeTheListenersStart() throws Exception {
    try (AppProcess app =
        AppProcess.start(1, "--socks-port", "127.0.0.1:0", "--log-level", "debug")) {
      // start() has read up to the listening lines; the debug line came before them
      String line =
          app.log()
              .lines()
              .filter(l -> l.contains("SOCKS listener on"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no debug line:\n" + app.log()));
      assertTrue(
          line.matches(
              "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[debug\\] "
                  + "NioSocksServer: SOCKS listener on .*"),
          line);
      assertEquals(0, app.stop());
    }
  }

  @Test
  void infoLevel_leavesDebugOut() throws Exception {
    try (AppProcess app = AppProcess.start(1, "--socks-port", "127.0.0.1:0")) {
      app.awaitLine("options:");
      assertEquals(0, app.stop());
      assertTrue(!app.log().contains("[debug]"), app.log());
      assertTrue(app.log().contains("[info] socksgate: stopped"), app.log());
    }
  }
}
