package dev.socksgate.codec.v5;

import static dev.socksgate.codec.DecodeAssert.assertMalformed;
import static dev.socksgate.codec.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.DomainName;
import dev.socksgate.codec.SocksAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The SOCKS5 request as a value and its client-direction encoding (RFC 1928 §4). */
class Socks5RequestTest {

  private static SocksAddress ip(String literal) throws UnknownHostException {
    return SocksAddress.of(InetAddress.getByName(literal));
  }

  @Test
  void connectDomain_encodesTheRfcLayout() {
    Socks5Request r =
        new Socks5Request(
            Socks5Command.CONNECT, new SocksAddress.Domain(DomainName.of("example.com")), 443);
    assertArrayEquals(bytes("05 01 00 03 0b 6578616d706c652e636f6d 01bb"), r.toBytes());
    assertEquals(18, r.encodedLength());
  }

  @Test
  void resolvePtrIpv6_encodesTheRfcLayout() throws UnknownHostException {
    Socks5Request r = new Socks5Request(Socks5Command.RESOLVE_PTR, ip("2001:db8::1"), 0);
    assertArrayEquals(bytes("05 f1 00 04 20010db8000000000000000000000001 0000"), r.toBytes());
    assertEquals(22, r.encodedLength());
  }

  @Test
  void commandOutsideTheGrammar_encodesButDoesNotDecode() throws UnknownHostException {
    // A client-side encoder may send anything (to test a server); the server's decoder refuses it.
    Socks5Request r = new Socks5Request(Socks5Command.CONNECT_DIR, ip("192.0.2.1"), 80);
    assertArrayEquals(bytes("05 f2 00 01 c0000201 0050"), r.toBytes());
    assertMalformed(Socks5Request::decode, r.toBytes(), Reason.UNSUPPORTED_COMMAND, "CMD");
  }

  @Test
  void portOutOfRange_isRejected() throws UnknownHostException {
    SocksAddress a = ip("192.0.2.1");
    assertThrows(
        IllegalArgumentException.class, () -> new Socks5Request(Socks5Command.CONNECT, a, -1));
    assertThrows(
        IllegalArgumentException.class, () -> new Socks5Request(Socks5Command.CONNECT, a, 65536));
    assertEquals(65535, new Socks5Request(Socks5Command.CONNECT, a, 65535).dstPort());
  }

  @Test
  void nullFields_areRejected() throws UnknownHostException {
    SocksAddress a = ip("192.0.2.1");
    assertThrows(NullPointerException.class, () -> new Socks5Request(null, a, 80));
    assertThrows(
        NullPointerException.class, () -> new Socks5Request(Socks5Command.CONNECT, null, 80));
  }

  @Test
  void equalFields_makeEqualRequests() throws UnknownHostException {
    assertEquals(
        new Socks5Request(Socks5Command.of((byte) 1), ip("192.0.2.1"), 80),
        new Socks5Request(Socks5Command.CONNECT, ip("192.0.2.1"), 80));
  }
}
