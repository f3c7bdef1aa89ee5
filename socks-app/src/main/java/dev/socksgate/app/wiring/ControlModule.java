package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import java.util.Optional;

/**
 * The optional control port (Tor's SIGNAL NEWNYM, RELOAD and HUP), bound by the lifecycle, never
 * here.
 */
public final class ControlModule extends AbstractModule {

  @Provides
  @Singleton
  Optional<ControlService> controlService(
      AppConfig config, TorIsolationPolicy isolation, Reloader reloader) {
    return config
        .controlPort()
        .map(bind -> new ControlService(bind, config.controlCookieFile(), isolation, reloader));
  }
}
