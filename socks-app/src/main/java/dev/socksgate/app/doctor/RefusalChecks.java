package dev.socksgate.app.doctor;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.handshake.ClientFailure;
import dev.socksgate.core.handshake.ClientHandshake;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Answers a client needs to be definite: CONNECT_DIR ({@code F2}), BIND ({@code 02}) and UDP
 * ASSOCIATE ({@code 03}) refused cleanly, an HTTP request answered in HTTP (Tor's HTTP-resistance,
 * docs/tor-reference.md §10), and a CONNECT to a closed port answered {@code 05}.
 *
 * <p>"Refused cleanly" means a complete SOCKS5 reply with a failure code, then the end of the
 * connection (RFC 1928 §6: the server closes shortly after a failure reply), before the timeout. A
 * close or reset before any reply, silence, or a malformed reply fail. A server that implements the
 * command and grants it gets SKIP: the command is then not refused, and the doctor checks it no
 * further.
 */
final class RefusalChecks {

  private static final int MAX_ANSWER = 64 * 1024;

  private final Socks socks;
  private final LoopbackOrigin origin;

  RefusalChecks(Socks socks, LoopbackOrigin origin) {
    this.socks = socks;
    this.origin = origin;
  }

  List<Check> checks() {
    InetSocketAddress echo = origin.address(OriginMode.ECHO);
    SocksAddress anywhere = SocksAddress.ipv4(new byte[4]);
    return List.of(
        new Check(
            "refuse.connect_dir",
            p -> refused(p, Socks5Command.CONNECT_DIR, echo, Socks.address(echo))),
        new Check("refuse.bind", p -> refused(p, Socks5Command.BIND, echo, Socks.address(echo))),
        new Check("refuse.udp", p -> refused(p, Socks5Command.UDP_ASSOCIATE, echo, anywhere)),
        new Check("http.answer", this::http),
        new Check("refused.port", this::closedPort));
  }

  private Outcome refused(Probe p, Socks5Command command, InetSocketAddress echo, SocksAddress dst)
      throws Fault, IOException {
    Conn c = p.open();
    int port = command.equals(Socks5Command.UDP_ASSOCIATE) ? 0 : echo.getPort();
    ClientHandshake.Step end =
        c.handshake(socks.socks5(command, dst, port, ByteBuffer.allocate(0)), false);
    if (end instanceof ClientHandshake.Step.Done d) {
      return Outcome.skip("granted (" + Socks.code(d.reply()) + "): the server implements it");
    }
    ClientFailure f = ((ClientHandshake.Step.Failed) end).failure();
    if (!(f instanceof ClientFailure.Refused r)) {
      return Outcome.fail(socks.describe(f));
    }
    String refusal = "refused with " + Socks.code(r.reply());
    try {
      c.readToEnd(MAX_ANSWER, "data after the refusal");
    } catch (Fault e) {
      return Outcome.fail(refusal + ", but did not close the connection: " + e.reason());
    }
    return Outcome.pass(refusal + ", then closed");
  }

  private Outcome http(Probe p) throws Fault, IOException {
    Conn c = p.open();
    c.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    byte[] answer = c.readToEnd(MAX_ANSWER, "the answer");
    String text = new String(answer, StandardCharsets.ISO_8859_1);
    if (answer.length == 0) {
      return Outcome.fail("closed without an answer");
    }
    if (!text.startsWith("HTTP/1.")) {
      return Outcome.fail("answered " + answer.length + " bytes that are not HTTP");
    }
    int eol = text.indexOf('\r');
    String status = text.substring(0, eol < 0 ? Math.min(text.length(), 80) : Math.min(eol, 80));
    return Outcome.pass("answered \"" + status + "\" and closed");
  }

  private Outcome closedPort(Probe p) throws Fault, IOException {
    // A socket bound but never listening holds the port, and a connection to it is refused
    // (RST), unlike a port that was merely closed, which another program could take meanwhile.
    try (Socket holder = new Socket()) {
      holder.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
      int port = holder.getLocalPort();
      Conn c = p.open();
      ClientHandshake.Step end =
          c.handshake(socks.connect5(SocksAddress.ipv4(new byte[] {127, 0, 0, 1}), port), false);
      if (end instanceof ClientHandshake.Step.Done) {
        return Outcome.fail("granted a CONNECT to closed port " + port);
      }
      ClientFailure f = ((ClientHandshake.Step.Failed) end).failure();
      if (!(f instanceof ClientFailure.Refused r)) {
        return Outcome.fail(socks.describe(f));
      }
      Optional<Socks5ReplyCode> rep = Socks.rep(r.reply());
      return rep.isPresent() && rep.get().equals(Socks5ReplyCode.CONNECTION_REFUSED)
          ? Outcome.pass("refused with " + Socks.code(r.reply()))
          : Outcome.fail("refused with " + Socks.code(r.reply()) + ", not 05 connection refused");
    }
  }
}
