package dev.socksgate.app.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Logging starts on its own thread, and the level the options name reaches the bundled
 * configuration's root logger once {@code finish} returns (without a second parse of the file).
 */
class LogStartupTest {

  @AfterEach
  void restore() {
    System.clearProperty(LogStartup.LEVEL_PROPERTY);
    Configurator.setRootLevel(Level.INFO);
  }

  @Test
  void finish_setsTheRootLevelOfTheBundledConfiguration() {
    System.clearProperty(LogStartup.LEVEL_PROPERTY);
    assertTrue(LogStartup.begin().finish("debug"), "info → debug needs a change");
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    assertEquals(LogStartup.BUNDLED, context.getConfiguration().getName());
    assertEquals(Level.DEBUG, LogManager.getRootLogger().getLevel());
    assertTrue(org.slf4j.LoggerFactory.getLogger("any").isDebugEnabled(), "through SLF4J too");
    assertEquals("debug", System.getProperty(LogStartup.LEVEL_PROPERTY));

    assertTrue(LogStartup.begin().finish("error"), "debug → error");
    assertEquals(Level.ERROR, LogManager.getRootLogger().getLevel());
    assertFalse(org.slf4j.LoggerFactory.getLogger("any").isWarnEnabled());
  }

  @Test
  void finish_sameLevelAsConfigured_changesNothing() {
    System.setProperty(LogStartup.LEVEL_PROPERTY, "warn");
    Configurator.setRootLevel(Level.WARN);
    assertFalse(LogStartup.begin().finish("warn"));
    assertEquals(Level.WARN, LogManager.getRootLogger().getLevel());
  }
}
