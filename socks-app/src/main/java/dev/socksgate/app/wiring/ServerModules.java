package dev.socksgate.app.wiring;

import com.google.inject.Module;
import dev.socksgate.app.cli.ConfigSnapshot;
import dev.socksgate.app.config.AppConfig;
import java.util.List;

/** The module sets: production, and the shared part that tests complete with their own adapters. */
public final class ServerModules {

  private ServerModules() {}

  /**
   * Returns every module except the two swappable adapters (resolver and exit connector), for tests
   * that bring their own.
   */
  public static List<Module> withoutAdapters(AppConfig config) {
    return withoutAdapters(new ConfigModule(config));
  }

  private static List<Module> withoutAdapters(ConfigModule config) {
    return List.of(
        config,
        new CoreModule(),
        new IsolationModule(),
        new AuthModule(),
        new EventsModule(),
        new TransportModule(),
        new ReloadModule(),
        new ControlModule(),
        new MetricsModule(),
        new LifecycleModule());
  }

  /**
   * Returns the production set: the shared modules plus either the upstream exit (with its
   * resolver) or the JDK resolver and the direct exit. The choice is made here, once, so that no
   * module holds a conditional.
   */
  public static List<Module> production(AppConfig config) {
    return production(new ConfigModule(config), config);
  }

  /** As {@link #production(AppConfig)}, for a server that can reload {@code snapshot}. */
  public static List<Module> production(ConfigSnapshot snapshot) {
    return production(new ConfigModule(snapshot), snapshot.config());
  }

  private static List<Module> production(ConfigModule module, AppConfig config) {
    List<Module> all = new java.util.ArrayList<>(withoutAdapters(module));
    if (config.upstream().isPresent()) {
      all.add(new UpstreamExitModule());
    } else {
      all.add(new JdkResolverModule());
      all.add(new DirectExitModule());
    }
    return List.copyOf(all);
  }
}
