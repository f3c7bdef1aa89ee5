package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import dev.socksgate.app.config.AppConfig;
import java.util.Objects;

/** Binds the resolved configuration, the root every other module reads from. */
public final class ConfigModule extends AbstractModule {

  private final AppConfig config;

  /** Binds {@code config}. */
  public ConfigModule(AppConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  protected void configure() {
    bind(AppConfig.class).toInstance(config);
  }
}
