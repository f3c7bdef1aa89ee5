package dev.socksgate.transport.nio;

import dev.socksgate.codec.DomainName;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v4.Socks4Command;
import dev.socksgate.codec.v4.Socks4Reply;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.codec.v5.Socks5Request;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/** Client-direction SOCKS messages, built with the codec's encoders. */
final class Wire {

  private Wire() {}

  static byte[] greeting() {
    return Socks5Greeting.of(Socks5AuthMethod.NO_AUTH).toBytes();
  }

  static byte[] greetingWithPassword() {
    return Socks5Greeting.of(Socks5AuthMethod.USERNAME_PASSWORD).toBytes();
  }

  static byte[] password(String user, String password) {
    return new PasswordAuthRequest(
            user.getBytes(StandardCharsets.US_ASCII), password.getBytes(StandardCharsets.US_ASCII))
        .toBytes();
  }

  static byte[] socks5(Socks5Command command, InetAddress address, int port) {
    return new Socks5Request(command, SocksAddress.of(address), port).toBytes();
  }

  static byte[] socks5(Socks5Command command, String name, int port) {
    return new Socks5Request(command, SocksAddress.domain(name), port).toBytes();
  }

  static byte[] socks4(Socks4Command command, InetAddress address, int port) {
    return Socks4Request.of(command, (Inet4Address) address, port, new byte[0]).toBytes();
  }

  static byte[] socks4a(Socks4Command command, String name, int port) {
    return Socks4Request.socks4a(command, DomainName.of(name), port, new byte[0]).toBytes();
  }

  /** The generic SOCKS5 reply with zero BND fields, ATYP by the client's family. */
  static byte[] generic(Socks5ReplyCode rep, boolean ipv6Client) {
    return (ipv6Client ? Socks5Reply.zeroIpv6(rep) : Socks5Reply.zeroIpv4(rep)).toBytes();
  }

  static byte[] socks4Granted() {
    return Socks4Reply.granted().toBytes();
  }

  static byte[] socks4Rejected() {
    return Socks4Reply.rejected().toBytes();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
