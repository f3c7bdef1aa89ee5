package dev.socksgate.transport.nio;

import dev.socksgate.core.model.ListenerSettings;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One listening address (a Tor SocksPort) and the settings the core applies to its clients.
 *
 * @param bind the address to bind, IPv4 or IPv6; port 0 picks a free port (read it back with {@link
 *     NioSocksServer#boundAddresses()})
 * @param settings isolation flags, session group, PreferSOCKSNoAuth, ExtendedErrors
 * @param proxyProtocol every connection starts with a PROXY protocol header (v1 or v2, HAProxy's
 *     proxy-protocol.txt) from a trusted balancer ({@link NioServerConfig#proxyProtocolFrom()}),
 *     and the address it carries is the client's address for everything
 */
public record ListenerConfig(
    InetSocketAddress bind, ListenerSettings settings, boolean proxyProtocol) {

  /** Validates the fields: the bind address must be an address, never a name to resolve. */
  public ListenerConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(settings, "settings");
    if (bind.isUnresolved()) {
      throw new IllegalArgumentException("bind must be an address, not a name");
    }
  }

  /** A listener whose clients connect directly (no PROXY protocol header). */
  public ListenerConfig(InetSocketAddress bind, ListenerSettings settings) {
    this(bind, settings, false);
  }
}
