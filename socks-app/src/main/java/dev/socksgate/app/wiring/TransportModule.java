package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.config.SocksPortSpec;
import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.policy.ClientLimits;
import dev.socksgate.core.port.Authenticator;
import dev.socksgate.core.session.StreamService;
import dev.socksgate.transport.nio.ListenerConfig;
import dev.socksgate.transport.nio.NioExit;
import dev.socksgate.transport.nio.NioServerConfig;
import dev.socksgate.transport.nio.NioSocksServer;
import dev.socksgate.transport.nio.NioTransport;
import dev.socksgate.transport.nio.ServerEvents;
import java.util.List;
import java.util.Optional;

/** The NIO transport: event loops, the server's limits and listeners, and the server. */
public final class TransportModule extends AbstractModule {

  /** First automatic session group; explicit groups are below it (SocksPortSpec). */
  static final int FIRST_AUTO_GROUP = SocksPortSpec.MAX_SESSION_GROUP + 1;

  @Provides
  @Singleton
  NioTransport transport(AppConfig config) {
    return new NioTransport(config.loops());
  }

  @Provides
  @Singleton
  SwappableClientPolicy clientPolicy(AppConfig config) {
    return new SwappableClientPolicy(config.socksPolicy());
  }

  @Provides
  @Singleton
  TrustedProxies trustedProxies(AppConfig config) {
    return new TrustedProxies(config.proxyProtocolFrom());
  }

  @Provides
  @Singleton
  NioServerConfig serverConfig(
      AppConfig config,
      SwappableClientPolicy clientPolicy,
      TrustedProxies trustedProxies,
      HandshakeOptions handshake,
      Optional<Authenticator> authenticator,
      ServerEvents events,
      ClientLimits clientLimits) {
    NioServerConfig.Builder b =
        NioServerConfig.builder()
            .bufferSize(config.bufferSize())
            .bulkBufferSize(config.bulkBufferSize())
            .maxConnections(config.maxConnections())
            .socksTimeout(config.socksTimeout())
            .idleTimeout(config.idleTimeout())
            .handshake(handshake)
            .clientPolicy(clientPolicy)
            .proxyProtocolFrom(trustedProxies.policy())
            .clientLimits(clientLimits)
            .bandwidth(config.bandwidthRate(), config.bandwidthBurst())
            .events(events);
    authenticator.ifPresent(b::authenticator);
    for (ListenerConfig l : listeners(config.listeners())) {
      b.listener(l);
    }
    return b.build();
  }

  /**
   * The per-client limits the server counts through; a reload changes them in place with {@link
   * dev.socksgate.core.policy.ConnectionLimit#setLimit}.
   */
  @Provides
  @Singleton
  ClientLimits clientLimits(AppConfig config) {
    return ClientLimits.of(config.maxConnectionsPerAddress(), config.maxConnectionsPerUser());
  }

  @Provides
  @Singleton
  NioSocksServer server(
      NioTransport transport, StreamService<NioExit> service, NioServerConfig config) {
    return new NioSocksServer(transport, service, config);
  }

  /** Tor gives each listener without SessionGroup a group of its own. */
  static List<ListenerConfig> listeners(List<SocksPortSpec> specs) {
    ListenerConfig[] out = new ListenerConfig[specs.size()];
    for (int i = 0; i < out.length; i++) {
      SocksPortSpec s = specs.get(i);
      int group = s.sessionGroup().orElse(FIRST_AUTO_GROUP + i);
      out[i] =
          new ListenerConfig(
              s.bind(),
              ListenerSettings.of(s.isolation(), group, s.preferNoAuth(), s.extendedErrors())
                  .withProtocols(s.protocols()),
              s.proxyProtocol());
    }
    return List.of(out);
  }
}
