package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.app.auth.FileAuthenticator;
import dev.socksgate.app.cli.ConfigSnapshot;
import dev.socksgate.app.logging.LogStartup;
import dev.socksgate.core.policy.ClientLimits;
import dev.socksgate.transport.nio.NioSocksServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reload: which option a reload applies, and how. A new reloadable option plugs in with one {@code
 * put} here (and {@code .reloadable()} on its declaration); a reloadable option without an applier
 * is reported as needing a restart. The {@code --auth-file} is re-read by the {@link Reloader}
 * itself.
 */
public final class ReloadModule extends AbstractModule {

  @Provides
  @Singleton
  Reloader reloader(
      Optional<ConfigSnapshot> startup,
      SwappableClientPolicy clients,
      TrustedProxies trustedProxies,
      SwappableDestinationPolicy destinations,
      Optional<FileAuthenticator> authenticator,
      ClientLimits limits,
      NioSocksServer server) {
    Map<String, Reloader.Applier> a = new LinkedHashMap<>();
    a.put("socks-policy", c -> clients.set(c.socksPolicy()));
    a.put("proxy-protocol-from", c -> trustedProxies.set(c.proxyProtocolFrom()));
    a.put("exit-policy", c -> destinations.set(CoreModule.destinations(c)));
    a.put("reject-internal-addresses", c -> destinations.set(CoreModule.destinations(c)));
    a.put("log-level", c -> LogStartup.setLevel(c.logLevel()));
    a.put(
        "max-connections-per-address",
        c -> limits.perAddress().setLimit(c.maxConnectionsPerAddress()));
    a.put("max-connections-per-user", c -> limits.perUser().setLimit(c.maxConnectionsPerUser()));
    a.put("bandwidth-rate", c -> server.bandwidth(c.bandwidthRate(), c.bandwidthBurst()));
    a.put("bandwidth-burst", c -> server.bandwidth(c.bandwidthRate(), c.bandwidthBurst()));
    return new Reloader(
        startup, a, authenticator, users -> server.closeConnectionsOf(users::contains));
  }
}
