package dev.socksgate.codec.v4;

import static dev.socksgate.codec.Hex.ascii;
import static dev.socksgate.codec.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.DomainName;
import dev.socksgate.codec.SocksAddress;
import java.net.Inet4Address;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SOCKS4/4a request as a value, and its client-direction encoding. */
class Socks4RequestTest {

  private static final byte[] NONE = new byte[0];

  private static Inet4Address ip(int a, int b, int c, int d) {
    return SocksAddress.ipv4(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}).address();
  }

  @Test
  void plainConnect_encodes() {
    Socks4Request r = Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 80, ascii("me"));
    assertArrayEquals(bytes("04 01 0050 c0000201 6d65 00"), r.toBytes());
    assertEquals(11, r.encodedLength());
    assertFalse(r.isSocks4a());
    assertEquals(new SocksAddress.Ipv4(ip(192, 0, 2, 1)), r.dstAddr());
  }

  @Test
  void socks4aFactory_usesMarker0001() {
    Socks4Request r = Socks4Request.socks4a(Socks4Command.RESOLVE, DomainName.of("a.b"), 0, NONE);
    assertArrayEquals(bytes("04 f0 0000 00000001 00 612e62 00"), r.toBytes());
    assertEquals(13, r.encodedLength());
    assertTrue(r.isSocks4a());
    assertEquals(new SocksAddress.Domain(DomainName.of("a.b")), r.dstAddr());
  }

  @Test
  void hostnameWithoutTheMarker_isRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Socks4Request(
                Socks4Command.CONNECT,
                80,
                ip(192, 0, 2, 1),
                NONE,
                Optional.of(DomainName.of("x"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Socks4Request(
                Socks4Command.CONNECT, 80, ip(0, 0, 0, 0), NONE, Optional.of(DomainName.of("x"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Socks4Request(
                Socks4Command.CONNECT, 80, ip(0, 0, 1, 1), NONE, Optional.of(DomainName.of("x"))));
  }

  @Test
  void markerWithoutAHostname_isRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Socks4Request.of(Socks4Command.CONNECT, ip(0, 0, 0, 1), 80, NONE));
    assertThrows(
        IllegalArgumentException.class,
        () -> Socks4Request.of(Socks4Command.CONNECT, ip(0, 0, 0, 255), 80, NONE));
  }

  @Test
  void everyMarker0001To00ff_goesWithAHostname() {
    for (int x = 1; x <= 255; x++) {
      Socks4Request r =
          new Socks4Request(
              Socks4Command.CONNECT, 80, ip(0, 0, 0, x), NONE, Optional.of(DomainName.of("h")));
      assertTrue(r.isSocks4a());
    }
  }

  @Test
  void nulInUserId_isRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 80, bytes("61 00 62")));
  }

  @Test
  void portOutOfRange_isRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), -1, NONE));
    assertThrows(
        IllegalArgumentException.class,
        () -> Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 65536, NONE));
    assertEquals(
        65535, Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 65535, NONE).dstPort());
  }

  @Test
  void requestOver512Bytes_isRejected() {
    byte[] user503 = ascii("u".repeat(503));
    assertEquals(
        512,
        Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 80, user503).encodedLength());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 80, ascii("u".repeat(504))));
    DomainName host = DomainName.of("h".repeat(255));
    assertEquals(
        512,
        Socks4Request.socks4a(Socks4Command.CONNECT, host, 80, ascii("u".repeat(247)))
            .encodedLength());
    assertThrows(
        IllegalArgumentException.class,
        () -> Socks4Request.socks4a(Socks4Command.CONNECT, host, 80, ascii("u".repeat(248))));
  }

  @Test
  void userId_isCopiedInAndOut() {
    byte[] user = ascii("me");
    Socks4Request r = Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 80, user);
    user[0] = 'X';
    r.userId()[1] = 'X';
    assertArrayEquals(ascii("me"), r.userId());
  }

  @Test
  void equality_isByContent() {
    Socks4Request a = Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 80, ascii("me"));
    Socks4Request b = Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 80, ascii("me"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 80, ascii("you")));
  }

  @Test
  void toString_neverShowsTheUserId() {
    String s =
        Socks4Request.of(
                Socks4Command.CONNECT, ip(192, 0, 2, 1), 80, ascii("secret-isolation-token"))
            .toString();
    assertFalse(s.contains("secret"), s);
    assertTrue(s.contains("192.0.2.1"), s);
  }
}
