package dev.socksgate.app.control;

import java.util.Locale;

/**
 * One control connection's state and replies, in Tor's control-spec line format ({@code 250 OK},
 * {@code 515 Authentication failed}, ...). Sans-IO: lines in, reply text out.
 */
final class ControlSession {

  /** The reply to one line, and whether to close afterwards. */
  record Reply(String text, boolean close) {}

  private final ControlCommands commands;
  private boolean authenticated;

  ControlSession(ControlCommands commands) {
    this.commands = commands;
  }

  Reply handle(String line) {
    String[] words = line.split("\\s+", 2);
    String verb = words[0].toUpperCase(Locale.ROOT);
    String arg = words.length > 1 ? words[1].strip() : "";
    switch (verb) {
      case "PROTOCOLINFO" -> {
        return ok(
            "250-PROTOCOLINFO 1\r\n250-AUTH METHODS=COOKIE COOKIEFILE=\""
                + commands.cookie().file().toAbsolutePath().toString().replace("\"", "\\\"")
                + "\"\r\n250-VERSION Tor=\"0.4.9.11\"\r\n250 OK\r\n");
      }
      case "AUTHENTICATE" -> {
        if (commands.cookie().matches(unquote(arg))) {
          authenticated = true;
          return ok("250 OK\r\n");
        }
        return new Reply("515 Authentication failed: wrong cookie\r\n", true);
      }
      case "QUIT" -> {
        return new Reply("250 closing connection\r\n", true);
      }
      default -> {
        // every other command needs authentication first
      }
    }
    if (!authenticated) {
      return new Reply("514 Authentication required.\r\n", true);
    }
    if (verb.equals("SIGNAL")) {
      String signal = arg.toUpperCase(Locale.ROOT);
      if (signal.equals("NEWNYM")) {
        commands.newIdentity();
        return ok("250 OK\r\n");
      }
      if (signal.equals("RELOAD") || signal.equals("HUP")) {
        // Tor answers 250 even when the new torrc is refused; a refusal here says so instead,
        // and the log names the file and line.
        return commands.reload()
            ? ok("250 OK\r\n")
            : ok("551 Reload failed; the configuration is unchanged (see the log)\r\n");
      }
      return ok("552 Unrecognized signal code \"" + sanitize(arg) + "\"\r\n");
    }
    return ok("510 Unrecognized command \"" + sanitize(words[0]) + "\"\r\n");
  }

  private static Reply ok(String text) {
    return new Reply(text, false);
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }

  private static String sanitize(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && i < 64; i++) {
      char c = s.charAt(i);
      b.append(c >= 0x20 && c < 0x7F && c != '"' ? c : '?');
    }
    return b.toString();
  }
}
