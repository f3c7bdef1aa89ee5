package dev.socksgate.app.wiring;

import dev.socksgate.core.port.ClientPolicy;

/**
 * The {@code --proxy-protocol-from} sources the transport asks for every connection to a
 * ProxyProtocol listener, replaced whole on reload (a connection accepted before keeps its
 * verdict). A type of its own so that it binds apart from the {@code --socks-policy}.
 */
final class TrustedProxies {

  private final SwappableClientPolicy policy;

  TrustedProxies(ClientPolicy initial) {
    this.policy = new SwappableClientPolicy(initial);
  }

  /** The live policy to give the transport. */
  SwappableClientPolicy policy() {
    return policy;
  }

  /** Replaces the trusted sources. */
  void set(ClientPolicy next) {
    policy.set(next);
  }
}
