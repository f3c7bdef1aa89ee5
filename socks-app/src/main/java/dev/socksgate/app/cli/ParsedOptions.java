package dev.socksgate.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values one command line or one config file gave, by option, with the defaults of the
 * declarations behind them. Values are converted when they are read in, so a bad one is reported
 * with its place (argument or file and line) before anything is built.
 */
final class ParsedOptions {

  private final Map<String, List<Object>> values;
  private final List<String> positionals;
  private final List<String> command;

  ParsedOptions(Map<String, List<Object>> values, List<String> positionals, List<String> command) {
    Map<String, List<Object>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.values = Map.copyOf(copy);
    this.positionals = List.copyOf(positionals);
    this.command = List.copyOf(command);
  }

  /** Returns whether {@code option} was given. */
  boolean given(Option<?> option) {
    return values.containsKey(option.name());
  }

  /** Returns the last value given, or else the default; empty when there is neither. */
  <T> Optional<T> find(Option<T> option) {
    List<T> all = all(option);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Returns the last value given, or else the default, which the declaration must have. */
  <T> T get(Option<T> option) {
    return find(option)
        .orElseThrow(() -> new IllegalStateException(option.name() + " has no default"));
  }

  /** Returns every value given, or else the default alone, or else nothing. */
  <T> List<T> all(Option<T> option) {
    List<Object> given = values.get(option.name());
    List<T> out = new ArrayList<>();
    if (given == null) {
      option.defaultValue().ifPresent(d -> out.add(option.parse().apply(d)));
      return out;
    }
    for (Object v : given) {
      @SuppressWarnings("unchecked") // stored by ArgParser or ConfigFile from this option's parse
      T t = (T) v;
      out.add(t);
    }
    return out;
  }

  /** Returns the arguments before {@code --} that were not options, in order. */
  List<String> positionals() {
    return positionals;
  }

  /** Returns the arguments after {@code --}, in order: a command line to run. */
  List<String> command() {
    return command;
  }

  /**
   * Returns these values over {@code base}: an option given here replaces the base's values for it,
   * repeatable or not (so a listener on the command line replaces the file's listeners).
   */
  ParsedOptions over(ParsedOptions base) {
    Map<String, List<Object>> merged = new LinkedHashMap<>(base.values);
    merged.putAll(values);
    return new ParsedOptions(merged, positionals, command);
  }
}
