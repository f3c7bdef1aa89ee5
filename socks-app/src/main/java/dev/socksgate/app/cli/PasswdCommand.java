package dev.socksgate.app.cli;

import dev.socksgate.app.auth.AuthFile;
import dev.socksgate.app.auth.PasswordHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code socksgate passwd USERNAME}: reads a password from standard input (one line) and prints the
 * auth-file line for it. Append the line to the file given to {@code --auth-file}.
 */
final class PasswdCommand {

  /** Longest password line read: RFC 1929 passwords are at most 255 bytes. */
  static final int MAX_PASSWORD = 255;

  static final Option<Integer> ITERATIONS =
      Option.value("iterations", "N", Converters.integer(1, PasswordHash.MAX_ITERATIONS))
          .byDefault("" + PasswordHash.DEFAULT_ITERATIONS)
          .help("PBKDF2 iterations.")
          .build();

  static final List<Option<?>> ALL = List.of(ITERATIONS, ServerOptions.HELP);

  private PasswdCommand() {}

  /** The text of {@code socksgate passwd --help}. */
  static String usage() {
    return Usage.render(
        List.of("socksgate passwd [OPTION]... USERNAME"),
        "Print an --auth-file line for USERNAME (up to 255 bytes, no ':'); the password is read"
            + " from standard input, one line.",
        ALL);
  }

  /**
   * Runs {@code socksgate passwd} with {@code args} (after the word "passwd").
   *
   * @return the exit status: 0, 1 when the input is unusable, 2 for bad options
   */
  static int run(List<String> args, InputStream in, PrintWriter out, PrintWriter err) {
    return new Subcommand("passwd", usage(), ALL)
        .run(
            args,
            out,
            err,
            parsed -> {
              if (parsed.positionals().size() != 1 || !parsed.command().isEmpty()) {
                throw new UsageException("give one USERNAME");
              }
              out.println(line(parsed.positionals().get(0), parsed.get(ITERATIONS), in));
              return 0;
            });
  }

  /** Returns the auth-file line for {@code username} and the password read from {@code in}. */
  static String line(String username, int iterations, InputStream in) throws IOException {
    byte[] password = readLine(in);
    if (username.getBytes(StandardCharsets.UTF_8).length > 255 || password.length > MAX_PASSWORD) {
      throw new IllegalArgumentException("username and password are at most 255 bytes");
    }
    char[] chars = new char[password.length];
    for (int i = 0; i < password.length; i++) {
      chars[i] = (char) (password[i] & 0xFF); // the byte-to-char mapping FileAuthenticator uses
    }
    return AuthFile.entry(username, PasswordHash.create(chars, iterations));
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
    return Arrays.copyOf(bytes, len);
  }
}
