package dev.socksgate.app.doctor;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.core.handshake.ClientHandshake;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Tor's SOCKS5 extensions (socks-extensions §2, docs/tor-reference.md §7): RESOLVE ({@code F0}) of
 * {@code localhost} must answer a loopback address, RESOLVE_PTR ({@code F1}) of 127.0.0.1 a name.
 */
final class TorChecks {

  private final Socks socks;
  private final LoopbackOrigin origin;

  TorChecks(Socks socks, LoopbackOrigin origin) {
    this.socks = socks;
    this.origin = origin;
  }

  List<Check> checks() {
    return List.of(
        new Check("tor.resolve", this::resolve), new Check("tor.resolve_ptr", this::ptr));
  }

  private Outcome resolve(Probe p) throws Fault, IOException {
    Socks5Reply r = answer(p, Socks5Command.RESOLVE, SocksAddress.domain(Socks.LOCALHOST));
    Optional<SocksAddress> a = r.bndAddr();
    if (a.isPresent() && isLoopback(a.get())) {
      return Outcome.pass("localhost is " + a.get());
    }
    return Outcome.fail(
        "answered " + a.map(String::valueOf).orElse("no address") + ", not a loopback address");
  }

  private static boolean isLoopback(SocksAddress a) {
    if (a instanceof SocksAddress.Ipv4 v4) {
      return v4.address().isLoopbackAddress();
    }
    return a instanceof SocksAddress.Ipv6 v6 && v6.address().isLoopbackAddress();
  }

  private Outcome ptr(Probe p) throws Fault, IOException {
    InetSocketAddress echo = origin.address(OriginMode.ECHO);
    Socks5Reply r = answer(p, Socks5Command.RESOLVE_PTR, Socks.address(echo));
    Optional<SocksAddress> a = r.bndAddr();
    if (a.isPresent() && a.get() instanceof SocksAddress.Domain name) {
      return Outcome.pass(echo.getAddress().getHostAddress() + " is " + name);
    }
    return Outcome.fail("answered " + a.map(String::valueOf).orElse("no address") + ", not a name");
  }

  private Socks5Reply answer(Probe p, Socks5Command command, SocksAddress dst)
      throws Fault, IOException {
    Conn c = p.open();
    ClientHandshake.Reply reply =
        socks.granted(c, socks.socks5(command, dst, 0, ByteBuffer.allocate(0)), false);
    if (!(reply instanceof ClientHandshake.Reply.V5 v5)) {
      throw new Fault("answered a SOCKS4 reply to a SOCKS5 request");
    }
    return v5.reply();
  }
}
