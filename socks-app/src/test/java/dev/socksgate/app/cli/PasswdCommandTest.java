package dev.socksgate.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.auth.AuthFile;
import dev.socksgate.app.auth.FileAuthenticator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswdCommandTest {

  @TempDir Path dir;

  @Test
  void printedLine_verifiesTheSamePassword() throws Exception {
    PasswdCommand cmd = new PasswdCommand();
    cmd.username = "alice";
    cmd.iterations = 1000;
    cmd.in = new ByteArrayInputStream("s3cret\r\n".getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    cmd.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    assertEquals(0, cmd.call());
    String line = printed.toString(StandardCharsets.UTF_8).strip();
    assertTrue(line.startsWith("alice:pbkdf2-sha512:1000:"), line);

    Path file = dir.resolve("users");
    Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
    try (FileAuthenticator a = new FileAuthenticator(AuthFile.read(file), 1)) {
      assertTrue(
          a.verify(
                  "alice".getBytes(StandardCharsets.UTF_8),
                  "s3cret".getBytes(StandardCharsets.UTF_8))
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS));
    }
  }
}
