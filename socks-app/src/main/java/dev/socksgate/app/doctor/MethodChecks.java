package dev.socksgate.app.doctor;

import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

/**
 * RFC 1928 §3 method selection for the offers {@code 00}, {@code 02} and {@code 00 02}. The server
 * must choose an offered method or answer {@code FF}. {@code FF} fails the check only when the
 * offer holds the method this run relies on: {@code 00} without {@code --user}, {@code 02} with it.
 */
final class MethodChecks {

  private final boolean withLogin;
  private final Findings findings;

  MethodChecks(boolean withLogin, Findings findings) {
    this.withLogin = withLogin;
    this.findings = findings;
  }

  List<Check> checks() {
    Socks5AuthMethod none = Socks5AuthMethod.NO_AUTH;
    Socks5AuthMethod password = Socks5AuthMethod.USERNAME_PASSWORD;
    return List.of(
        new Check("methods.00", p -> offer(p, List.of(none))),
        new Check("methods.02", p -> offer(p, List.of(password))),
        new Check("methods.00+02", p -> offer(p, List.of(none, password))));
  }

  private Outcome offer(Probe p, List<Socks5AuthMethod> offered) throws Fault, IOException {
    Conn c = p.open();
    c.write(Socks5Greeting.of(offered.toArray(new Socks5AuthMethod[0])).toBytes());
    byte[] answer = c.readExactly(2, "the method selection");
    Decoded<Socks5MethodSelection> d = Socks5MethodSelection.decode(ByteBuffer.wrap(answer));
    if (!(d instanceof Decoded.Message<Socks5MethodSelection> m)) {
      return Outcome.fail(
          "not a method selection: " + Socks.hex(answer[0]) + " " + Socks.hex(answer[1]));
    }
    Socks5AuthMethod chosen = m.value().method();
    if (offered.size() == 1 && offered.get(0).equals(Socks5AuthMethod.NO_AUTH)) {
      findings.answeredNoAuthOffer(chosen.equals(Socks5AuthMethod.NO_AUTH));
    }
    return judge(offered, chosen);
  }

  private Outcome judge(List<Socks5AuthMethod> offered, Socks5AuthMethod chosen) {
    if (chosen.equals(Socks5AuthMethod.NO_ACCEPTABLE)) {
      Socks5AuthMethod needed =
          withLogin ? Socks5AuthMethod.USERNAME_PASSWORD : Socks5AuthMethod.NO_AUTH;
      if (offered.contains(needed)) {
        return Outcome.fail(
            "answered FF (no acceptable method)"
                + (withLogin ? "" : "; the server wants credentials: give --user and --pass"));
      }
      return Outcome.pass(
          "answered FF (no acceptable method)"
              + (withLogin ? ": the server requires authentication" : ", allowed without --user"));
    }
    if (!offered.contains(chosen)) {
      return Outcome.fail("chose " + name(chosen) + ", which was not offered");
    }
    return Outcome.pass("chose " + name(chosen));
  }

  private static String name(Socks5AuthMethod m) {
    return Socks.hex(m.code())
        + " ("
        + m.toString().toLowerCase(Locale.ROOT).replace('_', ' ')
        + ")";
  }
}
