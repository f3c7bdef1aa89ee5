package dev.socksgate.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.auth.AuthFile;
import dev.socksgate.app.auth.FileAuthenticator;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
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
    StringWriter printed = new StringWriter();
    StringWriter err = new StringWriter();
    CliParser parser =
        new CliParser(
            new PrintWriter(printed),
            new PrintWriter(err),
            new ByteArrayInputStream("s3cret\r\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        new Invocation.Exit(0),
        parser.parse(new String[] {"passwd", "--iterations", "1000", "alice"}),
        err.toString());
    String line = printed.toString().strip();
    assertTrue(line.startsWith("alice:pbkdf2-sha512:1000:"), line);

    Path file = dir.resolve("users");
    Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
    try (FileAuthenticator a = new FileAuthenticator(AuthFile.read(file), 1)) {
      assertTrue(
          a.verify(
                  InetAddress.getLoopbackAddress(),
                  "alice".getBytes(StandardCharsets.UTF_8),
                  "s3cret".getBytes(StandardCharsets.UTF_8))
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void badUse_isExit2_withItsOwnUsage() throws Exception {
    StringWriter err = new StringWriter();
    CliParser parser =
        new CliParser(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            new ByteArrayInputStream(new byte[0]));
    assertEquals(new Invocation.Exit(2), parser.parse(new String[] {"passwd"}));
    assertEquals(
        new Invocation.Exit(2), parser.parse(new String[] {"passwd", "--iterations", "0", "bob"}));
    assertTrue(err.toString().contains("Usage: socksgate passwd"), err.toString());
  }

  @Test
  void overlongPassword_isExit1_andPrintsNoLine() throws Exception {
    StringWriter printed = new StringWriter();
    CliParser parser =
        new CliParser(
            new PrintWriter(printed),
            new PrintWriter(new StringWriter()),
            new ByteArrayInputStream("x".repeat(300).getBytes(StandardCharsets.UTF_8)));
    assertEquals(new Invocation.Exit(1), parser.parse(new String[] {"passwd", "bob"}));
    assertEquals("", printed.toString());
  }
}
