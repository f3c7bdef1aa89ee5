package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import dev.socksgate.app.cli.ConfigSnapshot;
import dev.socksgate.app.config.AppConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds the resolved configuration, the root every other module reads from, and (when it was parsed
 * from a command line) the snapshot a reload re-reads.
 */
public final class ConfigModule extends AbstractModule {

  private final AppConfig config;
  private final Optional<ConfigSnapshot> snapshot;

  /** Binds {@code config}; a reload has nothing to re-read. */
  public ConfigModule(AppConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.snapshot = Optional.empty();
  }

  /** Binds {@code snapshot}'s configuration, and the snapshot for reloads. */
  public ConfigModule(ConfigSnapshot snapshot) {
    this.config = snapshot.config();
    this.snapshot = Optional.of(snapshot);
  }

  @Override
  protected void configure() {
    bind(AppConfig.class).toInstance(config);
    bind(new TypeLiteral<Optional<ConfigSnapshot>>() {}).toInstance(snapshot);
  }
}
