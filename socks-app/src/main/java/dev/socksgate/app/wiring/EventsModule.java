package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.logging.LogThrottle;
import dev.socksgate.app.logging.LoggingServerEvents;
import dev.socksgate.app.logging.SafeLogging;
import dev.socksgate.core.policy.UnsafeSocksWarnings;
import dev.socksgate.transport.nio.ServerEvents;

/** What the server reports goes to the log, with SafeLogging and the unsafe-SOCKS rate limit. */
public final class EventsModule extends AbstractModule {

  /**
   * At most one line a minute about clients refused by {@code --socks-policy}: a scan of an exposed
   * port must not flood the log, and each line says how many it stands for. The same interval
   * applies to the lines about per-address and per-user limit refusals.
   */
  static final long POLICY_REFUSAL_LOG_INTERVAL_NANOS = 60_000_000_000L;

  /**
   * At most one line a minute about stalled handshakes shed at the connection cap: a flood of them
   * is an attack or an overload, and one line with a count says so without flooding the log.
   */
  static final long SHED_LOG_INTERVAL_NANOS = 60_000_000_000L;

  @Provides
  @Singleton
  ServerEvents serverEvents(AppConfig config) {
    boolean always = config.safeSocks() || config.testSocks();
    return new LoggingServerEvents(
        new UnsafeSocksWarnings(System::nanoTime, always),
        config.testSocks(),
        new SafeLogging(config.safeLogging()),
        new LogThrottle(System::nanoTime, POLICY_REFUSAL_LOG_INTERVAL_NANOS),
        new LogThrottle(System::nanoTime, POLICY_REFUSAL_LOG_INTERVAL_NANOS),
        new LogThrottle(System::nanoTime, POLICY_REFUSAL_LOG_INTERVAL_NANOS),
        new LogThrottle(System::nanoTime, SHED_LOG_INTERVAL_NANOS));
  }
}
