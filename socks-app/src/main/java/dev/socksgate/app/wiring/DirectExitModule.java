package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.core.port.DestinationPolicy;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.transport.nio.EgressAddresses;
import dev.socksgate.transport.nio.NioExit;
import dev.socksgate.transport.nio.NioExitConnector;
import dev.socksgate.transport.nio.NioTransport;
import java.util.Optional;

/**
 * The direct exit: connect to the destination from this host, resolving names first; with {@code
 * --exit-bind}, from the source address each isolation key maps to.
 */
public final class DirectExitModule extends AbstractModule {

  @Provides
  @Singleton
  ExitConnector<NioExit> exitConnector(
      NioTransport transport, Resolver resolver, DestinationPolicy destinations, AppConfig config) {
    // The exit resolves names itself: it judges every answer by the destination policy too, or a
    // public name pointing at an internal address would slip past --reject-internal-addresses
    // (and the address rules of --exit-policy would never see a name's addresses).
    Optional<EgressAddresses> egress =
        config.exitBind().isEmpty()
            ? Optional.empty()
            : Optional.of(new EgressAddresses(config.exitBind()));
    return new NioExitConnector(transport, resolver, config.connectTimeout(), egress, destinations);
  }
}
