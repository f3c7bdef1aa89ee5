package dev.socksgate.app.logging;

/**
 * A log argument that prints as {@value #SCRUBBED} while safe logging is on (the default, Tor's
 * SafeLogging), and as its value otherwise. Use it for every client address, destination, host name
 * and credential that reaches a log call: {@code LOG.debug("to {}", Redacted.of(target))}.
 *
 * <p>The switch is process-wide and set once at start-up by {@link #setSafeLogging}.
 */
public final class Redacted {

  /** What a redacted value prints as. */
  public static final String SCRUBBED = "[scrubbed]";

  private static volatile boolean safe = true;

  private final Object value;

  private Redacted(Object value) {
    this.value = value;
  }

  /** Wraps a value for logging. */
  public static Redacted of(Object value) {
    return new Redacted(value);
  }

  /** Turns safe logging on (the default) or off, for the whole process. */
  public static void setSafeLogging(boolean on) {
    safe = on;
  }

  /** Returns true while safe logging is on. */
  public static boolean isSafeLogging() {
    return safe;
  }

  @Override
  public String toString() {
    return safe ? SCRUBBED : String.valueOf(value);
  }
}
