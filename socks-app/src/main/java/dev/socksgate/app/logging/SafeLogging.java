package dev.socksgate.app.logging;

/**
 * Tor's SafeLogging, as the configuration sets it: while on (the default), every client address,
 * destination, host name and credential that reaches a log call prints as {@value #SCRUBBED}. Pass
 * such values through {@link #of}: {@code LOG.debug("to {}", safeLogging.of(target))}.
 *
 * <p>Immutable; one per server, made from the configuration (no process-wide switch).
 */
public final class SafeLogging {

  /** What a scrubbed value prints as. */
  public static final String SCRUBBED = "[scrubbed]";

  private final boolean on;

  /**
   * Creates the switch.
   *
   * @param on true to scrub (Tor's default), false to log values as they are (debugging only)
   */
  public SafeLogging(boolean on) {
    this.on = on;
  }

  /** Returns the log argument for {@code value}: {@value #SCRUBBED} while on, else the value. */
  public Object of(Object value) {
    return on ? SCRUBBED : value;
  }

  /** Returns true while scrubbing. */
  public boolean isOn() {
    return on;
  }
}
