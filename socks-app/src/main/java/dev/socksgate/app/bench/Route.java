package dev.socksgate.app.bench;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.handshake.ClientFailure;
import dev.socksgate.core.handshake.ClientHandshake;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a tunnel goes: through a SOCKS5 proxy to a destination given by address or by name, or
 * straight to the origin (the {@code --direct} baseline). Through a proxy, each tunnel runs its own
 * {@link ClientHandshake} (no authentication offered, then CONNECT): the core's client engine, the
 * same the upstream exit uses.
 *
 * <p>Immutable.
 */
final class Route {

  private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0);

  private final InetSocketAddress connectTo;
  private final Optional<Socks5Request> request; // empty for a direct route
  private final String label;

  private Route(InetSocketAddress connectTo, Optional<Socks5Request> request, String label) {
    this.connectTo = connectTo;
    this.request = request;
    this.label = label;
  }

  /** A route straight to {@code origin}, without a proxy. */
  static Route direct(InetSocketAddress origin) {
    return new Route(origin, Optional.empty(), "direct");
  }

  /** A route through the SOCKS5 proxy at {@code proxy} to {@code dstAddr}:{@code dstPort}. */
  static Route viaProxy(InetSocketAddress proxy, SocksAddress dstAddr, int dstPort) {
    Objects.requireNonNull(dstAddr, "dstAddr");
    String kind = dstAddr instanceof SocksAddress.Domain ? "name" : "ipv4";
    return new Route(
        proxy, Optional.of(new Socks5Request(Socks5Command.CONNECT, dstAddr, dstPort)), kind);
  }

  /** Returns the address the socket connects to: the proxy, or the origin for a direct route. */
  InetSocketAddress connectTo() {
    return connectTo;
  }

  /** Returns true for a route without a proxy. */
  boolean isDirect() {
    return request.isEmpty();
  }

  /**
   * Returns a new handshake for one tunnel through the proxy.
   *
   * @throws java.util.NoSuchElementException on a direct route
   */
  ClientHandshake handshake() {
    return ClientHandshake.socks5(request.orElseThrow(), Optional.empty(), NO_DATA);
  }

  /** Returns "direct", "ipv4" or "name": how the destination is given. */
  String label() {
    return label;
  }

  /** Says why a handshake through this route failed, for a report. */
  String describe(ClientFailure failure) {
    if (failure instanceof ClientFailure.Refused r
        && r.reply() instanceof ClientHandshake.Reply.V5 v5) {
      return "the proxy refused CONNECT (" + label + "): REP " + v5.reply().rep();
    }
    if (failure instanceof ClientFailure.UnexpectedMethod m) {
      return "the proxy selected method " + m.method() + ", not 'no authentication'";
    }
    if (failure instanceof ClientFailure.Malformed m) {
      return "malformed answer from the proxy: " + m.message();
    }
    return "the proxy refused the handshake: " + failure;
  }
}
