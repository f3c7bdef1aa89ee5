package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.policy.TorDestinationPolicy;
import dev.socksgate.core.port.DestinationPolicy;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.IsolationPolicy;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.core.session.StreamService;
import dev.socksgate.transport.nio.NioExit;
import java.util.List;

/** The core: handshake options, the destination policy and the use case over the ports. */
public final class CoreModule extends AbstractModule {

  @Provides
  @Singleton
  HandshakeOptions handshakeOptions(AppConfig config) {
    return new HandshakeOptions(config.authFile().isPresent(), config.safeSocks());
  }

  @Provides
  @Singleton
  SwappableDestinationPolicy swappableDestinationPolicy(AppConfig config) {
    return new SwappableDestinationPolicy(destinations(config));
  }

  @Provides
  @Singleton
  DestinationPolicy destinationPolicy(SwappableDestinationPolicy policy) {
    return policy; // one instance for the core and the exit, replaced whole on reload
  }

  /** Builds the destination policy {@code config} names (at start-up and on reload). */
  static DestinationPolicy destinations(AppConfig config) {
    // The direct exit reaches ordinary networks only, so .onion names are refused, never
    // resolved; an upstream (a Tor) can reach onion services, so there they pass. Tor's rules
    // (internal addresses) come before the operator's --exit-policy, as in Tor.
    return DestinationPolicy.allOf(
        List.of(
            new TorDestinationPolicy(
                config.rejectInternalAddresses(),
                config.rejectInternalAddresses(),
                config.upstream().isPresent()),
            config.exitPolicy()));
  }

  @Provides
  @Singleton
  StreamService<NioExit> streamService(
      Resolver resolver,
      ExitConnector<NioExit> exits,
      IsolationPolicy isolation,
      DestinationPolicy destinations) {
    return new StreamService<>(resolver, exits, isolation, destinations);
  }
}
