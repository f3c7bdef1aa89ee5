package dev.socksgate.app.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a config file: the same options as the command line, one per line, the long name without
 * {@code --} as the key and the rest of the line as the value ({@code socks-port 127.0.0.1:9050
 * IsolateDestAddr}). A boolean key alone means true. Blank lines and lines starting with {@code #}
 * are skipped; a repeatable key may appear on several lines. An unknown key, a key a file may not
 * hold ({@code config}, {@code check}, {@code help}, {@code version}) and a bad value are errors
 * that name the file and the line.
 */
final class ConfigFile {

  /** Longest config file read, to bound memory. */
  static final long MAX_BYTES = 1 << 20;

  private ConfigFile() {}

  /**
   * Reads {@code file} against the declarations {@code parser} knows.
   *
   * @throws UsageException if it cannot be read, or for the first bad line
   */
  static ParsedOptions read(Path file, ArgParser parser) throws UsageException {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new UsageException("config file larger than 1 MiB: " + file);
      }
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new UsageException("config file " + file + " is not UTF-8");
    } catch (IOException e) {
      throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, List<Object>> values = new LinkedHashMap<>();
    int n = 0;
    for (String raw : text.split("\\R", -1)) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = indexOfSpace(line);
      String key = space < 0 ? line : line.substring(0, space);
      String value = space < 0 ? "" : line.substring(space + 1).strip();
      String where = file + ":" + n;
      Option<?> option =
          parser
              .option(key)
              .orElseThrow(() -> new UsageException(where + ": unknown key '" + key + "'"));
      if (!option.inFiles()) {
        throw new UsageException(where + ": '" + key + "' is not a config file key");
      }
      if (value.isEmpty()) {
        if (option.kind() != Option.Kind.BOOLEAN) {
          throw new UsageException(where + ": " + key + " needs a value: " + option.label());
        }
        value = "true";
      }
      ArgParser.add(values, option, value, where + ": " + key);
    }
    return new ParsedOptions(values, List.of(), List.of());
  }

  private static int indexOfSpace(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (Character.isWhitespace(line.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
