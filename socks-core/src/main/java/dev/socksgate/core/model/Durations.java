package dev.socksgate.core.model;

import java.time.Duration;
import java.util.Locale;

/**
 * Parses durations the way Tor's config does, in a small form: a number and an optional unit
 * ({@code ms}, {@code s}, {@code sec}, {@code seconds}, {@code m}, {@code min}, {@code minutes},
 * {@code h}, {@code hours}); a bare number is seconds. {@code 120}, {@code 120s}, {@code 2 minutes}
 * and {@code 500ms} are all accepted.
 */
public final class Durations {

  private Durations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the text when it is not a duration
   */
  public static Duration parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 12) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    long n = Long.parseLong(s.substring(0, i));
    String unit = s.substring(i).trim();
    return switch (unit) {
      case "", "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(n);
      case "ms", "msec", "millisecond", "milliseconds" -> Duration.ofMillis(n);
      case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(n);
      case "h", "hour", "hours" -> Duration.ofHours(n);
      default -> throw new IllegalArgumentException("unknown duration unit in: " + text);
    };
  }
}
