package dev.socksgate.app.cli;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One option, declared once. The declaration drives everything a user sees of it: the command line
 * ({@link ArgParser}), the config file ({@link ConfigFile}), {@code --help} ({@link Usage}), the
 * example {@code conf/socksgate.conf} ({@link ExampleConfig}) and the table in
 * docs/configuration.md ({@link ConfigDocs}).
 *
 * @param <T> the value's type
 * @param name the long name without {@code --}, which is also the config file key
 * @param shortName a one-letter alias ({@code h} for {@code -h}), or empty
 * @param label what the value looks like in help ({@code N}, {@code DURATION}); empty for a switch
 * @param kind how the value is given
 * @param repeatable whether every occurrence adds a value (the command line's replace the file's)
 * @param split a separator that splits one occurrence into several values, or empty
 * @param parse turns one value's text into the value; throws {@link IllegalArgumentException} with
 *     a message that names the option
 * @param defaultValue the text parsed when the option is not given, if there is one
 * @param defaultDoc how help and docs describe the default (the default value's text when there is
 *     one; otherwise what the server does instead, such as "the number of processors")
 * @param torName Tor's option with the same meaning, if any
 * @param help one line for {@code --help} and the example config
 * @param details more for docs/configuration.md, or empty
 * @param reloadable whether reload (SIGHUP) may change it on a running server
 * @param inFiles whether a config file may hold it
 */
record Option<T>(
    String name,
    String shortName,
    String label,
    Kind kind,
    boolean repeatable,
    String split,
    Function<String, T> parse,
    Optional<String> defaultValue,
    String defaultDoc,
    Optional<String> torName,
    String help,
    String details,
    boolean reloadable,
    boolean inFiles) {

  /** How an option's value is given. */
  enum Kind {
    /** {@code --name VALUE} or {@code --name=VALUE}. */
    VALUE,
    /** {@code --name}, {@code --name=BOOL} or {@code --name BOOL}: a boolean defaulting to true. */
    BOOLEAN,
    /** {@code --name} alone, command line only: help, version, check. */
    SWITCH
  }

  /** Checks the declaration. */
  Option {
    Objects.requireNonNull(parse, "parse");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(torName, "torName");
    if (!name.matches("[a-z][a-z0-9-]*") || !shortName.matches("[A-Za-z]?")) {
      throw new IllegalArgumentException("bad option name: " + name);
    }
    if (label.isEmpty() != (kind == Kind.SWITCH) || (kind == Kind.SWITCH && inFiles)) {
      throw new IllegalArgumentException("bad option declaration: " + name);
    }
    if (help.isBlank() || help.contains("\n")) {
      throw new IllegalArgumentException("one line of help, please: " + name);
    }
  }

  /** Declares {@code --name LABEL} with a value that {@code parse} converts. */
  static <T> Builder<T> value(String name, String label, Function<String, T> parse) {
    return new Builder<>(name, label, Kind.VALUE, parse);
  }

  /** Declares {@code --name[=BOOL]}, off unless a default says otherwise. */
  static Builder<Boolean> bool(String name) {
    return new Builder<>(name, "BOOL", Kind.BOOLEAN, Option::parseBoolean).byDefault("false");
  }

  /** Declares a command-line switch such as {@code --check}. */
  static Builder<Boolean> flag(String name) {
    Builder<Boolean> b = new Builder<>(name, "", Kind.SWITCH, Option::parseBoolean);
    b.defaultValue = Optional.of("false");
    return b.commandLineOnly();
  }

  /**
   * Collects a declaration. Not thread-safe; declarations are made once, in static initialisers.
   *
   * @param <T> the value's type
   */
  static final class Builder<T> {
    private final String name;
    private final String label;
    private final Kind kind;
    private final Function<String, T> parse;
    private String shortName = "";
    private boolean repeatable;
    private String split = "";
    private Optional<String> defaultValue = Optional.empty();
    private String defaultDoc = "";
    private Optional<String> torName = Optional.empty();
    private String help = "";
    private String details = "";
    private boolean reloadable;
    private boolean inFiles = true;

    private Builder(String name, String label, Kind kind, Function<String, T> parse) {
      this.name = name;
      this.label = label;
      this.kind = kind;
      this.parse = parse;
    }

    /** The default: {@code text} is parsed when the option is absent, and shown as it is. */
    Builder<T> byDefault(String text) {
      defaultValue = Optional.of(text);
      defaultDoc = kind == Kind.BOOLEAN ? (parseBoolean(text) ? "on" : "off") : text;
      return this;
    }

    /** No default value: the server does what {@code doc} says instead. */
    Builder<T> otherwise(String doc) {
      defaultValue = Optional.empty();
      defaultDoc = doc;
      return this;
    }

    /** The one line of help. */
    Builder<T> help(String oneLine) {
      help = oneLine;
      return this;
    }

    /** More for docs/configuration.md than the one line of help. */
    Builder<T> details(String more) {
      details = more;
      return this;
    }

    /** Tor's name for the same option. */
    Builder<T> tor(String tor) {
      torName = Optional.of(tor);
      return this;
    }

    /** Every occurrence adds a value; {@code separator}, if not empty, splits one occurrence. */
    Builder<T> repeatable(String separator) {
      repeatable = true;
      split = separator;
      return this;
    }

    /** Reload may change it on a running server. */
    Builder<T> reloadable() {
      reloadable = true;
      return this;
    }

    /** Command line only: a config file may not hold it. */
    Builder<T> commandLineOnly() {
      inFiles = false;
      return this;
    }

    /** A one-letter alias. */
    Builder<T> alias(String letter) {
      shortName = letter;
      return this;
    }

    /** Returns the declaration. */
    Option<T> build() {
      return new Option<>(
          name,
          shortName,
          label,
          kind,
          repeatable,
          split,
          parse,
          defaultValue,
          defaultDoc,
          torName,
          help,
          details,
          reloadable,
          inFiles);
    }
  }

  /** {@code --name LABEL}, {@code --name[=BOOL]} or {@code --name}, as help and docs show it. */
  String synopsis() {
    return switch (kind) {
      case VALUE -> "--" + name + " " + label;
      case BOOLEAN -> "--" + name + "[=BOOL]";
      case SWITCH -> "--" + name;
    };
  }

  /** Parses {@code true} or {@code false}, in any case. */
  static boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("'" + text + "' is neither true nor false");
  }

  static boolean isBoolean(String text) {
    return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
  }
}
