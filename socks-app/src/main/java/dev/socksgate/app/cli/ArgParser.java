package dev.socksgate.app.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a command line against a list of {@link Option} declarations. The grammar: {@code --name
 * VALUE} and {@code --name=VALUE}; booleans as {@code --name}, {@code --name=BOOL} or {@code --name
 * BOOL}; switches alone; one-letter aliases ({@code -h}); the last value of a single-valued option
 * wins, a repeatable one collects them all; an argument not starting with {@code -} is a positional
 * one, and everything after {@code --} is a command line of its own. Anything unknown is a {@link
 * UsageException} naming it.
 */
final class ArgParser {

  /** Most values one repeatable option may collect. */
  static final int MAX_VALUES = 1024;

  private final Map<String, Option<?>> byName = new HashMap<>();
  private final Map<String, Option<?>> byShortName = new HashMap<>();

  ArgParser(List<Option<?>> options) {
    for (Option<?> o : options) {
      if (byName.put(o.name(), o) != null
          || (!o.shortName().isEmpty() && byShortName.put(o.shortName(), o) != null)) {
        throw new IllegalArgumentException("declared twice: " + o.name());
      }
    }
  }

  /** Returns the declaration named {@code name} (without dashes). */
  Optional<Option<?>> option(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Parses {@code args}.
   *
   * @throws UsageException for an unknown option, a missing or bad value
   */
  ParsedOptions parse(List<String> args) throws UsageException {
    Map<String, List<Object>> values = new LinkedHashMap<>();
    List<String> positionals = new ArrayList<>();
    List<String> command = List.of();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        command = args.subList(i + 1, args.size());
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        positionals.add(arg);
        continue;
      }
      boolean isLong = arg.startsWith("--");
      int eq = isLong ? arg.indexOf('=') : -1;
      String name = isLong ? arg.substring(2, eq < 0 ? arg.length() : eq) : arg.substring(1);
      Option<?> option = isLong ? byName.get(name) : byShortName.get(name);
      if (option == null) {
        throw new UsageException("unknown option '" + (eq < 0 ? arg : arg.substring(0, eq)) + "'");
      }
      String text;
      switch (option.kind()) {
        case SWITCH -> {
          if (eq >= 0) {
            throw new UsageException("--" + name + " takes no value");
          }
          text = "true";
        }
        case BOOLEAN -> {
          if (eq >= 0) {
            text = arg.substring(eq + 1);
          } else if (i + 1 < args.size() && Option.isBoolean(args.get(i + 1))) {
            text = args.get(++i);
          } else {
            text = "true";
          }
        }
        default -> {
          if (eq >= 0) {
            text = arg.substring(eq + 1);
          } else if (i + 1 < args.size() && !looksLikeOption(args.get(i + 1))) {
            text = args.get(++i);
          } else {
            throw new UsageException("--" + name + " needs a value: " + option.label());
          }
        }
      }
      add(values, option, text, "--" + name);
    }
    return new ParsedOptions(values, positionals, command);
  }

  /** Converts {@code text} for {@code option} and records it; {@code where} prefixes errors. */
  static void add(Map<String, List<Object>> values, Option<?> option, String text, String where)
      throws UsageException {
    List<String> pieces =
        option.split().isEmpty() ? List.of(text) : List.of(text.split(option.split(), -1));
    List<Object> list = new ArrayList<>();
    if (option.repeatable()) {
      list.addAll(values.getOrDefault(option.name(), List.of()));
    }
    for (String piece : pieces) {
      try {
        list.add(option.parse().apply(piece));
      } catch (IllegalArgumentException e) {
        throw new UsageException(where + ": " + e.getMessage());
      }
    }
    if (list.size() > MAX_VALUES) {
      throw new UsageException(where + ": more than " + MAX_VALUES + " values");
    }
    values.put(option.name(), list);
  }

  /** A following argument that names a known option is not taken as a value. */
  private boolean looksLikeOption(String next) {
    if (next.startsWith("--")) {
      int eq = next.indexOf('=');
      return byName.containsKey(next.substring(2, eq < 0 ? next.length() : eq));
    }
    return next.length() == 2
        && next.charAt(0) == '-'
        && byShortName.containsKey(next.substring(1));
  }
}
