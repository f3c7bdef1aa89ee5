package dev.socksgate.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The bench refuses anything but loopback, names that would need a lookup, and unbounded runs. */
class BenchOptionsTest {

  private static int run(StringWriter err, String... args) {
    return BenchSmokeTest.exitCode(new StringWriter(), err, args);
  }

  @Test
  void nonLoopbackProxy_isRefused() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "churn", "--proxy", "192.0.2.1:1080"));
    assertTrue(err.toString().contains("loopback"), err.toString());
    assertEquals(2, run(new StringWriter(), "bulk", "--proxy", "[2001:db8::1]:1080"));
  }

  @Test
  void proxyName_isRefused_withoutALookup() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "pingpong", "--proxy", "localhost:1080"));
    assertTrue(err.toString().contains("IP literal"), err.toString());
    assertThrows(
        IllegalArgumentException.class, () -> BenchOptions.parseAddress("proxy.example:1080"));
  }

  @Test
  void loopbackLiterals_areAccepted() {
    assertEquals(new InetSocketAddress("127.0.0.1", 1080), BenchOptions.parseAddress("1080"));
    assertEquals(9050, BenchOptions.parseAddress("127.0.0.2:9050").getPort());
    assertTrue(BenchOptions.parseAddress("[::1]:1080").getAddress().isLoopbackAddress());
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parseAddress("::1:1080"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parseAddress("127.0.0.1:0"));
  }

  @Test
  void everyRunIsBounded() {
    assertEquals(2, run(new StringWriter(), "idle", "--tunnels", "20001"));
    assertEquals(2, run(new StringWriter(), "churn", "--duration", "2 h"));
    assertEquals(2, run(new StringWriter(), "bulk", "--timeout", "0"));
    assertEquals(2, run(new StringWriter(), "bulk", "--streams", "1024", "--mib", "2048"));
    assertEquals(2, run(new StringWriter(), "churn", "--connect-by", "dns"));
    assertEquals(2, run(new StringWriter(), "flood"));
  }

  @Test
  void startup_needsACommand_andNoOtherScenarioTakesOne() {
    assertEquals(2, run(new StringWriter(), "startup"));
    assertEquals(2, run(new StringWriter(), "bulk", "--", "java", "-version"));
    assertEquals(2, run(new StringWriter(), "startup", "--direct", "--", "true"));
  }
}
