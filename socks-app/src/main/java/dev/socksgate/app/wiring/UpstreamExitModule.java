package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.transport.nio.NioExit;
import dev.socksgate.transport.nio.NioTransport;
import dev.socksgate.transport.nio.Upstream;
import dev.socksgate.transport.nio.UpstreamCredentials;
import dev.socksgate.transport.nio.UpstreamExitConnector;
import dev.socksgate.transport.nio.UpstreamResolver;

/**
 * The upstream exit ({@code --upstream socks5://…}): streams and lookups both go through the
 * upstream SOCKS5 proxy, under credentials derived from each stream's isolation key. Replaces both
 * {@link JdkResolverModule} and {@link DirectExitModule}: no name is resolved locally.
 */
public final class UpstreamExitModule extends AbstractModule {

  @Provides
  @Singleton
  Upstream upstream(AppConfig config) {
    // A random secret per process: keys map to the same credentials until the server restarts.
    return new Upstream(
        config.upstream().orElseThrow(), UpstreamCredentials.random(), config.connectTimeout());
  }

  @Provides
  @Singleton
  Resolver resolver(NioTransport transport, Upstream upstream) {
    return new UpstreamResolver(transport, upstream);
  }

  @Provides
  @Singleton
  ExitConnector<NioExit> exitConnector(NioTransport transport, Upstream upstream) {
    return new UpstreamExitConnector(transport, upstream);
  }
}
