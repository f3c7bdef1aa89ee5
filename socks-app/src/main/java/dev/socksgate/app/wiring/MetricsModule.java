package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.app.auth.AuthCounts;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.metrics.AuthCollector;
import dev.socksgate.app.metrics.MetricsServer;
import dev.socksgate.app.metrics.Readiness;
import dev.socksgate.app.metrics.SocksgateCollector;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.transport.nio.JdkResolver;
import dev.socksgate.transport.nio.NioSocksServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Optional;

/**
 * Metrics: a registry of our own (never the library's global one) holding the {@code socksgate_*}
 * collector and the JVM's standard series, and the optional endpoint ({@code --metrics-port}),
 * bound by the lifecycle, never here.
 */
public final class MetricsModule extends AbstractModule {

  @Provides
  @Singleton
  Readiness readiness() {
    return new Readiness();
  }

  /**
   * The endpoint, if {@code --metrics-port} is set; the registry (and the JVM collectors, which
   * listen to GC notifications) exist only then, so that metrics off costs nothing.
   */
  @Provides
  @Singleton
  Optional<MetricsService> metricsService(
      AppConfig config,
      NioSocksServer server,
      Resolver resolver,
      Readiness readiness,
      AuthCounts auth) {
    return config
        .observability()
        .metricsPort()
        .map(
            bind ->
                new MetricsService(
                    new MetricsServer(
                        bind,
                        registry(server, resolver, auth),
                        readiness,
                        MetricsServer.Limits.DEFAULT)));
  }

  static PrometheusRegistry registry(NioSocksServer server, Resolver resolver, AuthCounts auth) {
    PrometheusRegistry r = new PrometheusRegistry();
    r.register(AuthCollector.of(auth));
    r.register(
        SocksgateCollector.of(
            server::stats, () -> resolver instanceof JdkResolver j ? j.queueDepth() : 0, () -> 0));
    JvmMetrics.builder().register(r);
    return r;
  }
}
