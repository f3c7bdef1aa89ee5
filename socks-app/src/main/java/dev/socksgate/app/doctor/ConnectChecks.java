package dev.socksgate.app.doctor;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.core.handshake.ClientFailure;
import dev.socksgate.core.handshake.ClientHandshake;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * CONNECT to the echo origin: SOCKS4 by address, SOCKS4a by name, SOCKS5 by IPv4, name and IPv6,
 * with a greeting written one byte at a time, and with optimistic data (Tor socks-extensions §5,
 * docs/tor-reference.md §11). Each sends a line through the tunnel and expects it back.
 */
final class ConnectChecks {

  private final Socks socks;
  private final LoopbackOrigin origin;
  private final Findings findings;
  private final boolean withLogin;

  ConnectChecks(Socks socks, LoopbackOrigin origin, Findings findings, boolean withLogin) {
    this.socks = socks;
    this.origin = origin;
    this.findings = findings;
    this.withLogin = withLogin;
  }

  List<Check> checks() {
    InetSocketAddress echo = origin.address(OriginMode.ECHO);
    Inet4Address v4 = (Inet4Address) echo.getAddress();
    int port = echo.getPort();
    return List.of(
        new Check("socks4.connect", p -> socks4(p, Optional.of(v4), port)),
        new Check("socks4a.name", p -> socks4(p, Optional.empty(), port)),
        new Check("socks5.ipv4", p -> socks5(p, socks.connect5(Socks.address(echo), port), false)),
        new Check(
            "socks5.name",
            p -> socks5(p, socks.connect5(SocksAddress.domain(Socks.LOCALHOST), port), false)),
        new Check("socks5.ipv6", this::ipv6),
        new Check(
            "greeting.bytewise", p -> socks5(p, socks.connect5(Socks.address(echo), port), true)),
        new Check("optimistic.data", p -> optimistic(p, echo)));
  }

  private Outcome socks4(Probe p, Optional<Inet4Address> ip, int port) throws Fault, IOException {
    Conn c = p.open();
    ClientHandshake.Step end = c.handshake(socks.connect4(ip, port), false);
    if (end instanceof ClientHandshake.Step.Failed f) {
      if (withLogin && findings.requiresAuth() && f.failure() instanceof ClientFailure.Refused r) {
        return Outcome.skip(
            "refused with "
                + Socks.code(r.reply())
                + ": the server requires authentication, which SOCKS4 cannot carry");
      }
      return Outcome.fail(socks.describe(f.failure()));
    }
    return Outcome.pass(Socks.echo(c, "socks4 through the proxy\n"));
  }

  private Outcome socks5(Probe p, ClientHandshake h, boolean bytewise) throws Fault, IOException {
    Conn c = p.open();
    socks.granted(c, h, bytewise);
    return Outcome.pass(Socks.echo(c, "socks5 through the proxy\n"));
  }

  private Outcome ipv6(Probe p) throws Fault, IOException {
    Optional<InetSocketAddress> v6 = origin.echoV6();
    if (v6.isEmpty()) {
      return Outcome.skip("this machine has no ::1, so there is no IPv6 origin");
    }
    return socks5(p, socks.connect5(Socks.address(v6.get()), v6.get().getPort()), false);
  }

  private Outcome optimistic(Probe p, InetSocketAddress echo) throws Fault, IOException {
    byte[] early =
        "sent right behind the request, before the reply\n".getBytes(StandardCharsets.US_ASCII);
    Conn c = p.open();
    ClientHandshake h =
        socks.socks5(
            Socks5Command.CONNECT, Socks.address(echo), echo.getPort(), ByteBuffer.wrap(early));
    socks.granted(c, h, false);
    byte[] back;
    try {
      back = c.readExactly(early.length, "the early data");
    } catch (Fault e) {
      return Outcome.fail(
          "granted, but the data sent before the reply did not arrive: " + e.reason());
    }
    return Arrays.equals(early, back)
        ? Outcome.pass("granted; " + early.length + " bytes sent before the reply arrived")
        : Outcome.fail("granted, but the data sent before the reply came back changed");
  }
}
