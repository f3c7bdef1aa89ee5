package dev.socksgate.app.cli;

import dev.socksgate.core.model.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Value converters for option declarations; each names what it expected in its message. */
final class Converters {

  private Converters() {}

  /** A whole number from {@code min} to {@code max}. */
  static Function<String, Integer> integer(int min, int max) {
    return text -> {
      long n = number(text);
      if (n < min || n > max) {
        throw new IllegalArgumentException(range(min, max) + ", not " + text);
      }
      return (int) n;
    };
  }

  /** 0, or a whole number from {@code min} to {@code max}. */
  static Function<String, Integer> zeroOr(int min, int max) {
    Function<String, Integer> inRange = integer(min, max);
    return text -> {
      if (number(text) == 0) {
        return 0;
      }
      try {
        return inRange.apply(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("0 (off) or " + e.getMessage(), e);
      }
    };
  }

  /** A duration ({@link Durations#parse}) up to {@code max}; zero only if {@code zeroAllowed}. */
  static Function<String, Duration> duration(boolean zeroAllowed, Duration max) {
    return text -> {
      Duration d = Durations.parse(text);
      if ((!zeroAllowed && d.isZero()) || d.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            (zeroAllowed ? "must be 0 to " : "must be positive, up to ")
                + format(max)
                + ", not "
                + text);
      }
      return d;
    };
  }

  /** One of {@code choices}, in any case; the value is the lower-case choice. */
  static Function<String, String> oneOf(Set<String> choices) {
    return text -> {
      String lower = text.toLowerCase(Locale.ROOT);
      if (!choices.contains(lower)) {
        throw new IllegalArgumentException(
            "must be one of " + String.join(", ", choices.stream().sorted().toList()));
      }
      return lower;
    };
  }

  /** A file name; relative names are taken from the working directory. */
  static Path path(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("needs a file name");
    }
    return Path.of(text).toAbsolutePath();
  }

  /** Text as help and docs show a duration: seconds, or milliseconds when it has a fraction. */
  static String format(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + " ms";
    }
    return d.toSeconds() + " s";
  }

  /** A byte count from 0 to {@code max} (a plain whole number; no suffixes). */
  static Function<String, Long> bytes(long max) {
    return text -> {
      String t = text.strip();
      if (t.isEmpty() || t.length() > 19 || !t.matches("[0-9]+")) {
        throw new IllegalArgumentException("'" + text + "' is not a byte count");
      }
      long n = Long.parseLong(t);
      if (n > max) {
        throw new IllegalArgumentException("must be 0 to " + max + ", not " + text);
      }
      return n;
    };
  }

  private static long number(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 11 || !t.matches("-?[0-9]+")) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number");
    }
    return Long.parseLong(t);
  }

  private static String range(int min, int max) {
    return max == Integer.MAX_VALUE ? "must be at least " + min : "must be " + min + " to " + max;
  }
}
