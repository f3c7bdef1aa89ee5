package dev.socksgate.app.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code socksgate doctor} against servers that each lack one thing ({@link FakeSocksServer} in
 * front of a real SocksGate): the matching checks FAIL with the server's answer as the reason, the
 * rest still PASS, and the exit status is 1.
 */
class DoctorFaultsTest {

  private static InProcessServer real;

  @BeforeAll
  static void startServer() throws Exception {
    real = InProcessServer.start();
  }

  @AfterAll
  static void stopServer() {
    real.close();
  }

  @Test
  void withoutSocks4_bothSocks4ChecksFail() throws Exception {
    try (FakeSocksServer fake =
        new FakeSocksServer(FakeSocksServer.Flaw.NO_SOCKS4, real.address())) {
      DoctorRun run = DoctorRun.of("--proxy", fake.proxy(), "--timeout", "30 s");
      assertEquals(1, run.code(), run.out());
      run.assertLine("FAIL", "socks4.connect", "refused with 5B rejected");
      run.assertLine("FAIL", "socks4a.name", "refused with 5B rejected");
      run.assertLine("PASS", "socks5.ipv4", "echoed");
      run.assertLine("PASS", "tor.resolve", "localhost is");
    }
  }

  @Test
  void withoutResolve_bothResolveChecksFail() throws Exception {
    try (FakeSocksServer fake =
        new FakeSocksServer(FakeSocksServer.Flaw.NO_RESOLVE, real.address())) {
      DoctorRun run = DoctorRun.of("--proxy", fake.proxy(), "--timeout", "30 s");
      assertEquals(1, run.code(), run.out());
      run.assertLine("FAIL", "tor.resolve", "refused with 07 command not supported");
      run.assertLine("FAIL", "tor.resolve_ptr", "refused with 07 command not supported");
      run.assertLine("PASS", "socks5.name", "echoed");
      run.assertLine("PASS", "greeting.bytewise", "echoed");
    }
  }

  @Test
  void aServerThatNeverReplies_failsEveryCheckWithTheTimeout() throws Exception {
    try (FakeSocksServer fake = new FakeSocksServer(FakeSocksServer.Flaw.SILENT, real.address())) {
      DoctorRun run = DoctorRun.of("--proxy", fake.proxy(), "--timeout", "150ms");
      assertEquals(1, run.code(), run.out());
      for (Map.Entry<String, String> e : run.verdicts().entrySet()) {
        if (e.getKey().startsWith("rfc1929.") || e.getValue().equals("SKIP")) {
          // no --user; and socks5.ipv6 on a machine without ::1 (DoctorTest covers which)
          assertTrue(
              e.getKey().startsWith("rfc1929.") || e.getKey().equals("socks5.ipv6"), e.getKey());
          continue;
        }
        assertEquals("FAIL", e.getValue(), e.getKey() + "\n" + run.out());
        assertTrue(run.reason(e.getKey()).contains("within 150 ms"), run.reason(e.getKey()));
      }
      assertTrue(run.out().contains("\n0 passed, "), run.out());
    }
  }

  @Test
  void aServerThatClosesOnHalfClose_failsBothHalfCloseChecks() throws Exception {
    try (FakeSocksServer fake =
        new FakeSocksServer(FakeSocksServer.Flaw.CLOSES_ON_HALF_CLOSE, real.address())) {
      DoctorRun run = DoctorRun.of("--proxy", fake.proxy(), "--timeout", "30 s");
      assertEquals(1, run.code(), run.out());
      run.assertLine(
          "FAIL", "halfclose.client", "the connection ended when the client half-closed");
      assertEquals("FAIL", run.verdicts().get("halfclose.origin"), run.out());
      run.assertLine("PASS", "socks5.ipv4", "echoed");
      run.assertLine("PASS", "optimistic.data", "arrived");
    }
  }
}
