package dev.socksgate.codec;

import dev.socksgate.codec.v4.Socks4Command;
import dev.socksgate.codec.v4.Socks4Reply;
import dev.socksgate.codec.v4.Socks4ReplyCode;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.PasswordAuthReply;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.codec.v5.Socks5Request;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random valid message values of every kind, built through the public constructors and factories.
 * Lengths are drawn with a bias towards the edges (0, 1, the limit), where bugs live. Only values
 * the decoders accept are made (commands inside Tor's grammar).
 */
public final class RandomMessages {

  private static final byte[] SOCKS4_COMMANDS = Hex.bytes("01 02 f0 f1");
  private static final byte[] SOCKS5_COMMANDS = Hex.bytes("01 02 03 f0 f1");

  private final Random random;

  /** Draws from {@code random}; give it a fixed seed. */
  public RandomMessages(Random random) {
    this.random = random;
  }

  /** Returns a length from 0 to max, often 0, 1, max - 1 or max. */
  public int length(int max) {
    return switch (random.nextInt(6)) {
      case 0 -> 0;
      case 1 -> Math.min(1, max);
      case 2 -> max;
      case 3 -> Math.max(0, max - 1);
      default -> random.nextInt(max + 1);
    };
  }

  /** Returns {@code n} random bytes, NUL included. */
  public byte[] bytes(int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }

  /** Returns {@code n} random bytes from 01 to FF. */
  public byte[] nonNulBytes(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (1 + random.nextInt(255));
    }
    return out;
  }

  /** Returns a port, often 0 or 65535. */
  public int port() {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> 0xFFFF;
      default -> random.nextInt(0x10000);
    };
  }

  /** Returns a domain name of 1 to 255 non-NUL bytes. */
  public DomainName domainName() {
    return DomainName.of(nonNulBytes(Math.max(1, length(WireLimits.MAX_DOMAIN_LENGTH))));
  }

  /** Returns an address of any of the three types. */
  public SocksAddress address() {
    return switch (random.nextInt(3)) {
      case 0 -> SocksAddress.ipv4(bytes(4));
      case 1 -> SocksAddress.ipv6(bytes(16));
      default -> new SocksAddress.Domain(domainName());
    };
  }

  private byte pick(byte[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** Returns a SOCKS4 or SOCKS4a request, at most 512 bytes long. */
  public Socks4Request socks4Request() {
    Socks4Command cd = Socks4Command.of(pick(SOCKS4_COMMANDS));
    int room = WireLimits.MAX_SOCKS4_REQUEST - Socks4Request.HEADER_LENGTH - 1;
    if (random.nextBoolean()) {
      byte[] ip = bytes(4);
      if (ip[0] == 0 && ip[1] == 0 && ip[2] == 0) {
        ip[3] = 0; // 0.0.0.x with x != 0 would announce a SOCKS4a hostname
      }
      Inet4Address dstIp = SocksAddress.ipv4(ip).address();
      return Socks4Request.of(cd, dstIp, port(), nonNulBytes(length(room)));
    }
    DomainName host = domainName();
    byte[] userId = nonNulBytes(length(room - host.length() - 1));
    byte x = (byte) (1 + random.nextInt(255));
    Inet4Address marker = SocksAddress.ipv4(new byte[] {0, 0, 0, x}).address();
    return new Socks4Request(cd, port(), marker, userId, Optional.of(host));
  }

  /** Returns a SOCKS4 reply with any CD byte. */
  public Socks4Reply socks4Reply() {
    Socks4ReplyCode cd = Socks4ReplyCode.of((byte) random.nextInt(256));
    return new Socks4Reply(cd, port(), SocksAddress.ipv4(bytes(4)).address());
  }

  /** Returns a greeting of 1 to 255 methods of any value, duplicates allowed. */
  public Socks5Greeting socks5Greeting() {
    int n = Math.max(1, length(255));
    List<Socks5AuthMethod> methods = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      methods.add(Socks5AuthMethod.of((byte) random.nextInt(256)));
    }
    return new Socks5Greeting(methods);
  }

  /** Returns a method selection with any METHOD byte. */
  public Socks5MethodSelection socks5MethodSelection() {
    return new Socks5MethodSelection(Socks5AuthMethod.of((byte) random.nextInt(256)));
  }

  /** Returns an RFC 1929 request with fields of 0 to 255 arbitrary bytes. */
  public PasswordAuthRequest passwordAuthRequest() {
    return new PasswordAuthRequest(bytes(length(255)), bytes(length(255)));
  }

  /** Returns an RFC 1929 reply with any STATUS byte. */
  public PasswordAuthReply passwordAuthReply() {
    return new PasswordAuthReply((byte) random.nextInt(256));
  }

  /** Returns a SOCKS5 request with a command of Tor's grammar. */
  public Socks5Request socks5Request() {
    return new Socks5Request(Socks5Command.of(pick(SOCKS5_COMMANDS)), address(), port());
  }

  /** Returns a SOCKS5 reply with any REP byte, sometimes in the ATYP 00 form. */
  public Socks5Reply socks5Reply() {
    Socks5ReplyCode rep = Socks5ReplyCode.of((byte) random.nextInt(256));
    if (random.nextInt(5) == 0) {
      return new Socks5Reply(rep, Optional.empty(), port());
    }
    return Socks5Reply.of(rep, address(), port());
  }
}
