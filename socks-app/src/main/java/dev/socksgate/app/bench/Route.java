package dev.socksgate.app.bench;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5Request;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a tunnel goes: through a SOCKS5 proxy to a destination given by address or by name, or
 * straight to the origin (the {@code --direct} baseline). The greeting and the CONNECT request
 * are encoded once, by the codec's client direction, and shared by every tunnel on the route.
 *
 * <p>Immutable.
 */
final class Route {

  private static final byte[] GREETING = Socks5Greeting.of(Socks5AuthMethod.NO_AUTH).toBytes();

  private final InetSocketAddress connectTo;
  private final byte[] request; // null for a direct route
  private final String label;

  private Route(InetSocketAddress connectTo, byte[] request, String label) {
    this.connectTo = connectTo;
    this.request = request;
    this.label = label;
  }

  /** A route straight to {@code origin}, without a proxy. */
  static Route direct(InetSocketAddress origin) {
    return new Route(origin, null, "direct");
  }

  /** A route through the SOCKS5 proxy at {@code proxy} to {@code dstAddr}:{@code dstPort}. */
  static Route viaProxy(InetSocketAddress proxy, SocksAddress dstAddr, int dstPort) {
    Objects.requireNonNull(dstAddr, "dstAddr");
    byte[] request = new Socks5Request(Socks5Command.CONNECT, dstAddr, dstPort).toBytes();
    String kind = dstAddr instanceof SocksAddress.Domain ? "name" : "ipv4";
    return new Route(proxy, request, kind);
  }

  /** Returns the address the socket connects to: the proxy, or the origin for a direct route. */
  InetSocketAddress connectTo() {
    return connectTo;
  }

  /** Returns true for a route without a proxy. */
  boolean isDirect() {
    return request == null;
  }

  /** Returns the encoded greeting (no authentication offered). Callers must not modify it. */
  byte[] greeting() {
    return GREETING;
  }

  /** Returns the encoded CONNECT request. Callers must not modify it. */
  byte[] request() {
    return request;
  }

  /** Returns "direct", "ipv4" or "name": how the destination is given. */
  String label() {
    return label;
  }
}
