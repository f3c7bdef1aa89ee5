package dev.socksgate.app.doctor;

import dev.socksgate.core.handshake.ClientFailure;
import dev.socksgate.core.handshake.ClientHandshake;
import dev.socksgate.core.model.Credentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * RFC 1929 with the right and with a wrong password; both SKIP without {@code --user}. A wrong
 * password that is accepted fails the check, unless the server also took method {@code 00}: such a
 * server (Tor) takes any credentials, which only select stream isolation.
 */
final class AuthChecks {

  private final Optional<Credentials.UsernamePassword> login;
  private final LoopbackOrigin origin;
  private final Findings findings;

  AuthChecks(
      Optional<Credentials.UsernamePassword> login, LoopbackOrigin origin, Findings findings) {
    this.login = login;
    this.origin = origin;
    this.findings = findings;
  }

  List<Check> checks() {
    return List.of(
        new Check("rfc1929.right", this::right), new Check("rfc1929.wrong", this::wrong));
  }

  private Outcome right(Probe p) throws Fault, IOException {
    if (login.isEmpty()) {
      return Outcome.skip("no --user and --pass given");
    }
    Socks socks = new Socks(login, findings);
    InetSocketAddress echo = origin.address(OriginMode.ECHO);
    Conn c = p.open();
    ClientHandshake.Step end =
        c.handshake(socks.connect5(Socks.address(echo), echo.getPort()), false);
    if (end instanceof ClientHandshake.Step.Failed f) {
      // A refused request still means the credentials were accepted; the CONNECT checks say why
      // the request was refused.
      return f.failure() instanceof ClientFailure.Refused r
          ? Outcome.pass("accepted; the CONNECT was then refused with " + Socks.code(r.reply()))
          : Outcome.fail(socks.describe(f.failure()));
    }
    return Outcome.pass("accepted; " + Socks.echo(c, "authenticated\n"));
  }

  private Outcome wrong(Probe p) throws Fault, IOException {
    if (login.isEmpty()) {
      return Outcome.skip("no --user and --pass given");
    }
    Optional<Credentials.UsernamePassword> bad = Optional.of(wrongPassword(login.get()));
    Socks socks = new Socks(bad, new Findings()); // a refusal here is the point
    InetSocketAddress echo = origin.address(OriginMode.ECHO);
    Conn c = p.open();
    ClientHandshake.Step end =
        c.handshake(socks.connect5(Socks.address(echo), echo.getPort()), false);
    if (end instanceof ClientHandshake.Step.Failed f) {
      if (f.failure() instanceof ClientFailure.AuthRejected) {
        return Outcome.pass("rejected with a failure status");
      }
      if (!(f.failure() instanceof ClientFailure.Refused)) {
        return Outcome.fail(socks.describe(f.failure()));
      }
    }
    // Granted, or refused only at the request: either way the wrong password got through.
    return findings.takesNoAuth()
        ? Outcome.skip(
            "accepted: the server also takes method 00, so credentials do not gate access (Tor:"
                + " they select stream isolation)")
        : Outcome.fail("a wrong password was accepted");
  }

  /** The same username with the password's last byte changed (or "x" for an empty one). */
  static Credentials.UsernamePassword wrongPassword(Credentials.UsernamePassword right) {
    byte[] pass = right.password();
    if (pass.length == 0) {
      pass = new byte[] {'x'};
    } else {
      pass[pass.length - 1] ^= 0x01;
    }
    return new Credentials.UsernamePassword(right.username(), pass);
  }
}
