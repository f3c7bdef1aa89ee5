package dev.socksgate.app.wiring;

import com.google.inject.Module;
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
    return List.of(
        new ConfigModule(config),
        new CoreModule(),
        new IsolationModule(),
        new AuthModule(),
        new EventsModule(),
        new TransportModule(),
        new ControlModule(),
        new LifecycleModule());
  }

  /**
   * Returns the production set: the shared modules plus either the upstream exit (with its
   * resolver) or the JDK resolver and the direct exit. The choice is made here, once, so that no
   * module holds a conditional.
   */
  public static List<Module> production(AppConfig config) {
    List<Module> all = new java.util.ArrayList<>(withoutAdapters(config));
    if (config.upstream().isPresent()) {
      all.add(new UpstreamExitModule());
    } else {
      all.add(new JdkResolverModule());
      all.add(new DirectExitModule());
    }
    return List.copyOf(all);
  }
}
