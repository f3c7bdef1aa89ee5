package dev.socksgate.app.doctor;

import dev.socksgate.codec.DomainName;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v4.Socks4Command;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.handshake.ClientFailure;
import dev.socksgate.core.handshake.ClientHandshake;
import dev.socksgate.core.model.Credentials;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The SOCKS steps the checks share, all through {@link ClientHandshake}: open a tunnel, echo
 * through it, and put a server's answer into words.
 */
final class Socks {

  /** The one name the doctor asks a server to resolve. */
  static final String LOCALHOST = "localhost";

  private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0);

  private final Optional<Credentials.UsernamePassword> login;
  private final Findings findings;

  /** Uses {@code login} if present; a refusal of it is recorded in {@code findings}. */
  Socks(Optional<Credentials.UsernamePassword> login, Findings findings) {
    this.login = login;
    this.findings = findings;
  }

  /** A SOCKS5 handshake for {@code command} to {@code dst}, with the login if there is one. */
  ClientHandshake socks5(Socks5Command command, SocksAddress dst, int port, ByteBuffer early) {
    return ClientHandshake.socks5(new Socks5Request(command, dst, port), login, early);
  }

  /** A SOCKS5 CONNECT to {@code dst}. */
  ClientHandshake connect5(SocksAddress dst, int port) {
    return socks5(Socks5Command.CONNECT, dst, port, NO_DATA);
  }

  /** A SOCKS4 CONNECT to an IPv4 address, or a SOCKS4a one to {@code localhost}. */
  ClientHandshake connect4(Optional<Inet4Address> ip, int port) {
    byte[] userId = login.map(Credentials.UsernamePassword::username).orElse(userId());
    Socks4Request r =
        ip.isPresent()
            ? Socks4Request.of(Socks4Command.CONNECT, ip.get(), port, userId)
            : Socks4Request.socks4a(Socks4Command.CONNECT, DomainName.of(LOCALHOST), port, userId);
    return ClientHandshake.socks4(r, NO_DATA);
  }

  private static byte[] userId() {
    return "doctor".getBytes(StandardCharsets.US_ASCII);
  }

  /** The address of {@code a} as SOCKS carries it. */
  static SocksAddress address(InetSocketAddress a) {
    return SocksAddress.of(a.getAddress());
  }

  /**
   * Runs {@code handshake} on {@code conn} and expects the server to grant it.
   *
   * @throws Fault naming the server's answer when it did not
   */
  ClientHandshake.Reply granted(Conn conn, ClientHandshake handshake, boolean bytewise)
      throws Fault {
    ClientHandshake.Step end = conn.handshake(handshake, bytewise);
    if (end instanceof ClientHandshake.Step.Failed f) {
      throw new Fault(describe(f.failure()));
    }
    return ((ClientHandshake.Step.Done) end).reply();
  }

  /** Sends {@code text} through an open tunnel to the echo and expects it back. */
  static String echo(Conn conn, String text) throws Fault {
    byte[] sent = text.getBytes(StandardCharsets.US_ASCII);
    conn.write(sent);
    byte[] back = conn.readExactly(sent.length, "the echo");
    if (!Arrays.equals(sent, back)) {
      throw new Fault("granted, but the echo came back changed");
    }
    return "granted, " + sent.length + " bytes echoed";
  }

  /** Puts a failed handshake into words. */
  String describe(ClientFailure failure) {
    if (failure instanceof ClientFailure.NoAcceptableMethod) {
      return "no acceptable authentication method (05 FF)"
          + (login.isEmpty() ? "; the server wants credentials: give --user and --pass" : "");
    }
    if (failure instanceof ClientFailure.UnexpectedMethod m) {
      return "the server chose method " + hex(m.method().code()) + ", which was not offered";
    }
    if (failure instanceof ClientFailure.AuthRejected) {
      findings.refusedLogin();
      return "username and password rejected (RFC 1929)";
    }
    if (failure instanceof ClientFailure.Refused r) {
      return "refused with " + code(r.reply());
    }
    return "malformed answer: " + ((ClientFailure.Malformed) failure).message();
  }

  /** The reply code of {@code reply}, in hex and in words: {@code 05 connection refused}. */
  static String code(ClientHandshake.Reply reply) {
    if (reply instanceof ClientHandshake.Reply.V5 v5) {
      return hex(v5.reply().rep().code()) + " " + words(v5.reply().rep().toString());
    }
    ClientHandshake.Reply.V4 v4 = (ClientHandshake.Reply.V4) reply;
    return hex(v4.reply().status().code()) + " " + words(v4.reply().status().toString());
  }

  /** The SOCKS5 reply code of {@code reply}, if it is a SOCKS5 reply. */
  static Optional<Socks5ReplyCode> rep(ClientHandshake.Reply reply) {
    return reply instanceof ClientHandshake.Reply.V5 v5
        ? Optional.of(v5.reply().rep())
        : Optional.empty();
  }

  static String hex(byte b) {
    return String.format(Locale.ROOT, "%02X", b & 0xFF);
  }

  private static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
