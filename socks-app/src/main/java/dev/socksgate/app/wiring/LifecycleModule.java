package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.app.auth.FileAuthenticator;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.metrics.Readiness;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.transport.nio.NioSocksServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What starts and stops, in order: the resolver and the authenticator (nothing to start; their
 * threads are closed last), the server, then the control port; stop is the reverse.
 */
public final class LifecycleModule extends AbstractModule {

  @Provides
  @Singleton
  Lifecycle lifecycle(
      NioSocksServer server,
      AppConfig config,
      Resolver resolver,
      Optional<FileAuthenticator> authenticator,
      Optional<ControlService> control,
      Optional<MetricsService> metrics,
      Readiness readiness) {
    List<Lifecycle.Service> services = new ArrayList<>();
    if (resolver instanceof AutoCloseable closeable) {
      services.add(closing("resolver", closeable)); // the JDK resolver's lookup threads
    }
    authenticator.ifPresent(a -> services.add(closing("authenticator", a)));
    metrics.ifPresent(services::add); // before the server: /-/ready says 503 while it binds
    services.add(new ServerService(server, config, readiness));
    control.ifPresent(services::add);
    return new Lifecycle(services);
  }

  static Lifecycle.Service closing(String name, AutoCloseable resource) {
    return new Lifecycle.Service() {
      @Override
      public void start() {}

      @Override
      public void stop(Duration drain) {
        try {
          resource.close();
        } catch (Exception e) {
          throw new IllegalStateException(name + " did not close: " + e.getMessage(), e);
        }
      }

      @Override
      public String name() {
        return name;
      }
    };
  }
}
