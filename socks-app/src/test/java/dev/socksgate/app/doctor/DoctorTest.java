package dev.socksgate.app.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.auth.AuthFile;
import dev.socksgate.app.auth.PasswordHash;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code socksgate doctor} against SocksGate itself, started in this JVM: every check that applies
 * passes, with and without an auth file. The timeout is generous because the verdicts, not the
 * speed, are under test.
 */
class DoctorTest {

  private static final String TIMEOUT = "30 s";

  @TempDir Path dir;

  @Test
  void ourServer_passesEveryCheck_andExits0() throws Exception {
    try (InProcessServer server = InProcessServer.start()) {
      DoctorRun run = DoctorRun.of("--proxy", server.proxy(), "--timeout", TIMEOUT);
      assertEquals(0, run.code(), run.out() + run.err());
      assertOnly(run, Set.of("rfc1929.right", "rfc1929.wrong"));
      run.assertLine("SKIP", "rfc1929.right", "no --user");
      run.assertLine("PASS", "refused.port", "05 connection refused");
      run.assertLine("PASS", "refuse.bind", "07 command not supported, then closed");
      run.assertLine("PASS", "refuse.connect_dir", "01 general failure, then closed");
      run.assertLine("PASS", "tor.resolve", "localhost is 127.0.0.1");
      run.assertLine("PASS", "http.answer", "HTTP/1.0 501");
      run.assertLine("PASS", "transfer.16mib", "SHA-256 verified at both ends");
      assertTrue(run.out().contains("passed, 0 failed"), run.out());
    }
  }

  @Test
  void ourServerWithAnAuthFile_passesWithTheLogin_andSkipsSocks4() throws Exception {
    Path users = dir.resolve("users");
    Files.writeString(
        users,
        AuthFile.entry("alice", PasswordHash.create("correct horse".toCharArray(), 1000)) + "\n",
        StandardCharsets.UTF_8);
    try (InProcessServer server = InProcessServer.start("--auth-file", users.toString())) {
      DoctorRun run =
          DoctorRun.of(
              "--proxy",
              server.proxy(),
              "--user",
              "alice",
              "--pass",
              "correct horse",
              "--timeout",
              TIMEOUT);
      assertEquals(0, run.code(), run.out() + run.err());
      assertOnly(run, Set.of("socks4.connect", "socks4a.name"));
      run.assertLine("PASS", "methods.00", "the server requires authentication");
      run.assertLine("SKIP", "socks4.connect", "SOCKS4 cannot carry");
      run.assertLine("PASS", "rfc1929.right", "accepted");
      run.assertLine("PASS", "rfc1929.wrong", "rejected");

      DoctorRun noLogin = DoctorRun.of("--proxy", server.proxy(), "--timeout", TIMEOUT);
      assertEquals(1, noLogin.code(), noLogin.out());
      noLogin.assertLine("FAIL", "methods.00", "give --user and --pass");
      noLogin.assertLine("FAIL", "socks5.ipv4", "05 FF");

      DoctorRun wrong =
          DoctorRun.of(
              "--proxy",
              server.proxy(),
              "--user",
              "alice",
              "--pass",
              "wrong",
              "--timeout",
              TIMEOUT);
      assertEquals(1, wrong.code(), wrong.out());
      wrong.assertLine("FAIL", "socks5.ipv4", "rejected (RFC 1929)");
      wrong.assertLine("FAIL", "rfc1929.right", "rejected (RFC 1929)");
      // Once refused, the login is not sent again (that would set off the failure back-off).
      wrong.assertLine("SKIP", "socks5.name", "refused the login");
      wrong.assertLine("SKIP", "transfer.16mib", "refused the login");
    }
  }

  @Test
  void credentialsForAServerThatTakesAny_skipTheWrongPasswordCheck() throws Exception {
    // Without an auth file SocksGate, like Tor, takes method 00 and any credentials (they only
    // select isolation): a wrong password getting through is then not a failure.
    try (InProcessServer server = InProcessServer.start()) {
      DoctorRun run =
          DoctorRun.of(
              "--proxy", server.proxy(), "--user", "bob", "--pass", "any", "--timeout", TIMEOUT);
      assertEquals(0, run.code(), run.out());
      assertOnly(run, Set.of("rfc1929.wrong"));
      run.assertLine("SKIP", "rfc1929.wrong", "the server also takes method 00");
      run.assertLine("PASS", "rfc1929.right", "accepted; granted");
    }
  }

  @Test
  void internalDestinationsRefused_failTheDestinationChecks_asTorWould() throws Exception {
    // What a Tor SocksPort shows (docs/tor-reference.md §7, §8): loopback destinations refused
    // with 01, the reverse lookup of 127.0.0.1 with 04, the protocol checks still PASS.
    try (InProcessServer server = InProcessServer.start("--reject-internal-addresses")) {
      DoctorRun run =
          DoctorRun.of(
              "--proxy", server.proxy(), "--user", "bob", "--pass", "any", "--timeout", TIMEOUT);
      assertEquals(1, run.code(), run.out());
      run.assertLine("FAIL", "socks5.ipv4", "refused with 01 general failure");
      run.assertLine("FAIL", "socks4.connect", "refused with 5B rejected");
      run.assertLine("FAIL", "refused.port", "refused with 01 general failure, not 05");
      run.assertLine("FAIL", "tor.resolve_ptr", "refused with 04 host unreachable");
      run.assertLine("FAIL", "halfclose.client", "refused with 01");
      run.assertLine("PASS", "rfc1929.right", "accepted; the CONNECT was then refused with 01");
      run.assertLine("SKIP", "rfc1929.wrong", "the server also takes method 00");
      for (String protocol :
          List.of(
              "methods.00",
              "methods.02",
              "methods.00+02",
              "refuse.connect_dir",
              "refuse.bind",
              "refuse.udp",
              "http.answer")) {
        assertEquals("PASS", run.verdicts().get(protocol), protocol + "\n" + run.out());
      }
    }
  }

  /** Every check passes but those in {@code skipped} (and IPv6 on a machine without ::1). */
  private static void assertOnly(DoctorRun run, Set<String> skipped) {
    for (Map.Entry<String, String> e : run.verdicts().entrySet()) {
      boolean skip =
          skipped.contains(e.getKey()) || (e.getKey().equals("socks5.ipv6") && !hasIpv6());
      assertEquals(skip ? "SKIP" : "PASS", e.getValue(), e.getKey() + "\n" + run.out());
    }
  }

  private static boolean hasIpv6() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      return s.getLocalPort() > 0;
    } catch (IOException e) {
      return false;
    }
  }
}
