package dev.socksgate.app.wiring;

import dev.socksgate.core.port.ClientPolicy;
import java.net.InetAddress;
import java.util.Objects;

/**
 * The {@code --socks-policy} the transport asks, replaced whole on reload: a connection accepted
 * after {@link #set} is judged by the new policy, one accepted before keeps its verdict.
 */
final class SwappableClientPolicy implements ClientPolicy {

  private volatile ClientPolicy target;

  SwappableClientPolicy(ClientPolicy initial) {
    this.target = Objects.requireNonNull(initial, "initial");
  }

  void set(ClientPolicy next) {
    target = Objects.requireNonNull(next, "next");
  }

  @Override
  public boolean admits(InetAddress client) {
    return target.admits(client);
  }
}
