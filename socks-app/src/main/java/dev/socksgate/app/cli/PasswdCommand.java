package dev.socksgate.app.cli;

import dev.socksgate.app.auth.AuthFile;
import dev.socksgate.app.auth.PasswordHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code socksgate passwd USERNAME}: reads a password from standard input (one line) and prints the
 * auth-file line for it. Append the line to the file given to {@code --auth-file}.
 */
@Command(
    name = "passwd",
    mixinStandardHelpOptions = true,
    description = "Print an --auth-file line for USERNAME; the password is read from stdin.")
final class PasswdCommand implements Callable<Integer> {

  /** Longest password line read: RFC 1929 passwords are at most 255 bytes. */
  static final int MAX_PASSWORD = 255;

  @Parameters(index = "0", paramLabel = "USERNAME", description = "Up to 255 bytes, no ':'.")
  String username;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "PBKDF2 iterations. Default: " + PasswordHash.DEFAULT_ITERATIONS + ".")
  int iterations = PasswordHash.DEFAULT_ITERATIONS;

  InputStream in = System.in;
  PrintStream out = System.out;

  @Override
  public Integer call() throws IOException {
    byte[] password = readLine(in);
    if (username.getBytes(StandardCharsets.UTF_8).length > 255 || password.length > MAX_PASSWORD) {
      throw new IllegalArgumentException("username and password are at most 255 bytes");
    }
    char[] chars = new char[password.length];
    for (int i = 0; i < password.length; i++) {
      chars[i] = (char) (password[i] & 0xFF); // the byte-to-char mapping FileAuthenticator uses
    }
    out.println(AuthFile.entry(username, PasswordHash.create(chars, iterations)));
    return 0;
  }

  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (line.size() > MAX_PASSWORD) {
        throw new IllegalArgumentException("password longer than 255 bytes");
      }
      line.write(b);
    }
    byte[] bytes = line.toByteArray();
    int len = bytes.length;
    if (len > 0 && bytes[len - 1] == '\r') {
      len--;
    }
    return java.util.Arrays.copyOf(bytes, len);
  }
}
