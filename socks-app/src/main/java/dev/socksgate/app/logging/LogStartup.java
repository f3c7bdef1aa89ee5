package dev.socksgate.app.logging;

import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.LoggerFactory;

/**
 * Starts Log4j 2 on a background thread as soon as the process starts, so that its configuration
 * (about a third of the time from launch to the first accepted connection: it loads and links
 * hundreds of classes) overlaps parsing the command line, then applies the level the options name.
 *
 * <p>The bundled {@code log4j2.properties} (configuration name {@value #BUNDLED}) takes its root
 * level from the system property {@value #LEVEL_PROPERTY}, {@value #DEFAULT_LEVEL} when unset.
 * {@link #finish(String)} sets the property and, when the level differs from the one the
 * configuration was built with, sets the bundled configuration's root level, or reconfigures from a
 * user's own configuration ({@code -Dlog4j2.configurationFile}), which may read the property.
 */
public final class LogStartup {

  /** The system property the logging configuration reads the root level from. */
  public static final String LEVEL_PROPERTY = "socksgate.logLevel";

  /** The level used when the property is not set. */
  public static final String DEFAULT_LEVEL = "info";

  /** The name of the bundled configuration. */
  public static final String BUNDLED = "socksgate";

  private static final long WAIT_SECONDS = 10;

  private final Thread thread;
  private final String configuredLevel;

  private LogStartup(Thread thread, String configuredLevel) {
    this.thread = thread;
    this.configuredLevel = configuredLevel;
  }

  /** Starts configuring logging on a daemon thread and returns at once. */
  public static LogStartup begin() {
    String level = System.getProperty(LEVEL_PROPERTY, DEFAULT_LEVEL);
    Thread t = new Thread(() -> LoggerFactory.getLogger("socksgate"), "socksgate-log-start");
    t.setDaemon(true);
    t.start();
    return new LogStartup(t, level);
  }

  /**
   * Waits (at most 10 s) for the configuration begun by {@link #begin()}, then makes {@code level}
   * the root level. Call it before the first log line that should obey the options: until then, a
   * line logged on another thread may meet Log4j's default configuration (errors only).
   *
   * @return true if logging was reconfigured for the level
   */
  public boolean finish(String level) {
    System.setProperty(LEVEL_PROPERTY, level);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the caller's to handle; logging still gets its level
    }
    if (level.equals(configuredLevel)
        || !(LogManager.getContext(false) instanceof LoggerContext context)) {
      return false;
    }
    if (BUNDLED.equals(context.getConfiguration().getName())) {
      Configurator.setRootLevel(Level.toLevel(level, Level.INFO)); // no second parse
    } else {
      context.reconfigure();
    }
    return true;
  }

  /**
   * Changes the root level of a running server (reload): the property the configuration reads, and
   * the root logger's level.
   */
  public static void setLevel(String level) {
    System.setProperty(LEVEL_PROPERTY, level);
    Configurator.setRootLevel(Level.toLevel(level, Level.INFO));
  }
}
