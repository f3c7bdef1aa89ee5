package dev.socksgate.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a config file into command-line arguments. One option per line, with the long option's name
 * as the key and the rest of the line as its value: {@code socks-port 127.0.0.1:9050
 * IsolateDestAddr}. A key alone turns a switch on. Blank lines and lines starting with {@code #}
 * are ignored. Repeatable options (socks-port) may appear on several lines.
 */
final class ConfigFile {

  /** Longest config file read, to bound memory. */
  static final long MAX_BYTES = 1 << 20;

  private ConfigFile() {}

  static List<String> read(Path file) throws UsageException {
    List<String> lines;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new UsageException("config file larger than 1 MiB: " + file);
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
    }
    List<String> args = new ArrayList<>();
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.indexOf(' ');
      String key = space < 0 ? line : line.substring(0, space);
      String value = space < 0 ? null : line.substring(space + 1).strip();
      if (key.startsWith("-")
          || key.equals("config")
          || key.equals("check")
          || key.equals("help")
          || key.equals("version")) {
        throw new UsageException(file + ":" + n + ": '" + key + "' is not a config file key");
      }
      args.add(value == null ? "--" + key : "--" + key + "=" + value);
    }
    return args;
  }
}
