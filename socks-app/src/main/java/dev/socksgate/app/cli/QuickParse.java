package dev.socksgate.app.cli;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Parses the server's own options straight from the {@link Option} declarations on {@link
 * CliOptions}, without building picocli's command model: the common start-up path, which picocli
 * makes a quarter of a second slower (its model is built by reflection, and its Java 5 class files
 * can be neither archived by CDS nor checked by the fast verifier).
 *
 * <p>A strict subset of picocli's grammar, on the same declarations: {@code --name value}, {@code
 * --name=value}, switches ({@code --check}), optional booleans ({@code --safe-socks}, {@code
 * --safe-socks=false}, {@code --safe-socks false}), repeatable and comma-split lists, the last
 * value of anything else winning, and each field's {@code defaultValue}. Anything else (a
 * positional argument or subcommand, {@code --help}, {@code --version}, an unknown option, a value
 * that does not convert, {@code --}) answers empty, and {@link CliParser} parses the same arguments
 * with picocli, which gives the same result or the error message and usage. {@code QuickParseTest}
 * holds the two to the same answers.
 */
final class QuickParse {

  private static final Map<String, Field> OPTIONS = options();
  private static final Set<Field> FIELDS = Set.copyOf(OPTIONS.values()); // each once, for defaults
  private static final Set<String> SUBCOMMANDS = subcommands();
  private static final String NO_DEFAULT = "__no_default_value__"; // picocli's marker

  private QuickParse() {}

  /** Returns the options {@code args} give, or empty when picocli must decide. */
  static Optional<CliOptions> parse(String[] args) {
    if (OPTIONS.isEmpty()) {
      return Optional.empty(); // a declaration this parser does not understand: picocli only
    }
    CliOptions o = new CliOptions();
    try {
      for (Field f : FIELDS) {
        String defaultValue = f.getAnnotation(Option.class).defaultValue();
        if (!NO_DEFAULT.equals(defaultValue) && !isList(f)) {
          set(o, f, defaultValue);
        }
      }
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (!arg.startsWith("--") || arg.equals("--")) {
          return Optional.empty();
        }
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg : arg.substring(0, eq);
        Field f = OPTIONS.get(name);
        if (f == null) {
          return Optional.empty();
        }
        Option option = f.getAnnotation(Option.class);
        String value;
        if (isBoolean(f)) {
          boolean optionalValue = option.arity().equals("0..1");
          if (eq >= 0) {
            if (!optionalValue) {
              return Optional.empty();
            }
            value = arg.substring(eq + 1);
          } else if (optionalValue && i + 1 < args.length && isBooleanText(args[i + 1])) {
            value = args[++i];
          } else {
            value = "true";
          }
          if (!isBooleanText(value)) {
            return Optional.empty();
          }
        } else if (eq >= 0) {
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          return Optional.empty();
        }
        if (value.startsWith("-") || SUBCOMMANDS.contains(value)) {
          return Optional.empty(); // picocli may read it as an option or a subcommand
        }
        set(o, f, value);
      }
    } catch (IllegalArgumentException | IllegalAccessException e) {
      return Optional.empty(); // picocli reports it
    }
    return Optional.of(o);
  }

  private static void set(CliOptions o, Field f, String value) throws IllegalAccessException {
    Class<?> type = f.getType();
    if (type == String.class) {
      f.set(o, value);
    } else if (type == int.class || type == Integer.class) {
      f.set(o, Integer.valueOf(value)); // as picocli converts
    } else if (type == boolean.class || type == Boolean.class) {
      f.set(o, Boolean.parseBoolean(value));
    } else if (type == Path.class) {
      f.set(o, Path.of(value));
    } else if (type == List.class) {
      @SuppressWarnings("unchecked")
      List<String> list = (List<String>) f.get(o);
      String split = f.getAnnotation(Option.class).split();
      list.addAll(split.isEmpty() ? List.of(value) : List.of(value.split(split, -1)));
    } else {
      throw new IllegalArgumentException("unsupported option type " + type);
    }
  }

  private static boolean isBoolean(Field f) {
    return f.getType() == boolean.class || f.getType() == Boolean.class;
  }

  private static boolean isList(Field f) {
    return f.getType() == List.class;
  }

  private static boolean isBooleanText(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.equals("true") || l.equals("false");
  }

  private static Set<String> subcommands() {
    Set<String> names = new HashSet<>();
    for (Class<?> c : CliOptions.class.getAnnotation(Command.class).subcommands()) {
      names.add(c.getAnnotation(Command.class).name());
    }
    return Set.copyOf(names);
  }

  /** The long options of {@link CliOptions} by name; empty if any declaration is unsupported. */
  private static Map<String, Field> options() {
    Map<String, Field> byName = new HashMap<>();
    for (Field f : CliOptions.class.getDeclaredFields()) {
      Option option = f.getAnnotation(Option.class);
      if (option == null) {
        continue;
      }
      if (!supported(f, option)) {
        return Map.of();
      }
      for (String name : option.names()) {
        if (!name.startsWith("--")) {
          return Map.of();
        }
        byName.put(name, f);
      }
    }
    return Map.copyOf(byName);
  }

  private static boolean supported(Field f, Option option) {
    Class<?> t = f.getType();
    boolean scalar = t == String.class || t == int.class || t == Integer.class || t == Path.class;
    boolean list =
        t == List.class
            && f.getGenericType() instanceof ParameterizedType p
            && p.getActualTypeArguments()[0] == String.class;
    boolean bool =
        (t == boolean.class || t == Boolean.class)
            && (option.arity().isEmpty() || option.arity().equals("0..1"))
            && (option.arity().isEmpty() || option.fallbackValue().equals("true"));
    // Custom converters, consumers or preprocessors are not read here: QuickParseTest compares
    // every option with picocli's result, so a declaration using one fails there.
    return (scalar || list || bool) && option.converter().length == 0 && !option.negatable();
  }
}
