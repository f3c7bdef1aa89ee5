package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.support.AppProcess;
import org.junit.jupiter.api.Test;

/**
 * A listener beyond loopback without {@code --auth-file} gets a prominent warning, and turns
 * internal-address rejection on by default. Nothing connects: binding the wildcard address is all
 * this needs.
 */
class ExposureWarningIT {

  @Test
  void wildcardListenerWithoutAuthFile_warns_andRejectsInternalAddresses() throws Exception {
    try (AppProcess app = AppProcess.start(1, "--socks-port", "0.0.0.0:0")) {
      assertTrue(app.awaitLine("no --auth-file is set").contains("[warn]"));
      assertTrue(app.awaitLine("options:").contains("reject-internal-addresses=true"));
      assertEquals(0, app.stop());
    }
  }

  @Test
  void loopbackListener_doesNotWarn() throws Exception {
    try (AppProcess app = AppProcess.start(1, "--socks-port", "127.0.0.1:0")) {
      assertTrue(app.awaitLine("options:").contains("reject-internal-addresses=false"));
      assertEquals(0, app.stop());
      assertFalse(app.log().contains("no --auth-file is set"), app.log());
    }
  }
}
