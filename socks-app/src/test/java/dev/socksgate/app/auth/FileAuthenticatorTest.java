package dev.socksgate.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuthenticatorTest {

  @TempDir Path dir;

  private AuthFile file(String... lines) throws Exception {
    Path f = dir.resolve("users");
    Files.write(f, java.util.List.of(lines), StandardCharsets.UTF_8);
    return AuthFile.read(f);
  }

  private static boolean verify(FileAuthenticator a, String user, String pass) throws Exception {
    return a.verify(
            InetAddress.getLoopbackAddress(),
            user.getBytes(StandardCharsets.UTF_8),
            pass.getBytes(StandardCharsets.UTF_8))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  @Test
  void knownUserRightPassword_accepted_wrongOrUnknown_refused() throws Exception {
    AuthFile f =
        file(
            "# users",
            "",
            AuthFile.entry("alice", PasswordHash.create("wonder".toCharArray(), 1000)),
            AuthFile.entry("bob", PasswordHash.create("builder".toCharArray(), 1000)));
    assertEquals(2, f.size());
    try (FileAuthenticator a = new FileAuthenticator(f, 1)) {
      assertTrue(verify(a, "alice", "wonder"));
      assertTrue(verify(a, "alice", "wonder"), "second time, from the cache");
      assertTrue(verify(a, "bob", "builder"));
      assertFalse(verify(a, "alice", "builder"));
      assertFalse(verify(a, "carol", "wonder"));
      assertFalse(verify(a, "", ""));
    }
  }

  @Test
  void everyAttempt_isReportedOnce_rememberedOnesAsAccepted() throws Exception {
    AuthFile f = file(AuthFile.entry("alice", PasswordHash.create("wonder".toCharArray(), 1000)));
    java.util.List<AuthEvents.Outcome> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (FileAuthenticator a = new FileAuthenticator(f, 1, System::nanoTime, seen::add)) {
      assertTrue(verify(a, "alice", "wonder"));
      assertTrue(verify(a, "alice", "wonder"));
      assertFalse(verify(a, "alice", "builder"));
      assertFalse(verify(a, "carol", "wonder"));
    }
    assertEquals(
        java.util.List.of(
            AuthEvents.Outcome.ACCEPTED,
            AuthEvents.Outcome.ACCEPTED,
            AuthEvents.Outcome.REFUSED,
            AuthEvents.Outcome.REFUSED),
        seen);
  }

  @Test
  void nonAsciiPasswordBytes_matchTheEntryMadeFromTheSameBytes() throws Exception {
    byte[] pw = "päss".getBytes(StandardCharsets.UTF_8);
    AuthFile f = file(AuthFile.entry("u", PasswordHash.create(AuthFile.chars(pw), 1000)));
    try (FileAuthenticator a = new FileAuthenticator(f, 1)) {
      assertTrue(
          a.verify(InetAddress.getLoopbackAddress(), "u".getBytes(StandardCharsets.UTF_8), pw)
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void unknownUsers_costTheIterationsOfTheFilesEntries() throws Exception {
    assertEquals(
        1000,
        file(
                AuthFile.entry("a", PasswordHash.create("x".toCharArray(), 1000)),
                AuthFile.entry("b", PasswordHash.create("y".toCharArray(), 700)))
            .decoyIterations());
    assertEquals(PasswordHash.DEFAULT_ITERATIONS, file("# no users").decoyIterations());
  }

  @Test
  void badLines_areRejectedWithTheirLineNumber() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> file("alice:md5:abc"));
    assertTrue(e.getMessage().contains(":1:"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> file("no-colon-here"));
    assertThrows(
        IllegalArgumentException.class,
        () -> AuthFile.entry("a:b", PasswordHash.create("x".toCharArray(), 1000)));
  }
}
