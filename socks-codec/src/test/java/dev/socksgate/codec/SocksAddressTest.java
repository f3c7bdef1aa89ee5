package dev.socksgate.codec;

import static dev.socksgate.codec.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** SocksAddress: the three RFC 1928 address types, built without any DNS lookup. */
class SocksAddressTest {

  @Test
  void ipv4_isAtyp01OfFourBytes() {
    SocksAddress.Ipv4 a = SocksAddress.ipv4(bytes("c0000201"));
    assertEquals(0x01, a.addressType());
    assertEquals(4, a.encodedLength());
    assertEquals("192.0.2.1", a.toString());
  }

  @Test
  void ipv6_isAtyp04OfSixteenBytes() {
    SocksAddress.Ipv6 a = SocksAddress.ipv6(bytes("20010db8000000000000000000000001"));
    assertEquals(0x04, a.addressType());
    assertEquals(16, a.encodedLength());
    assertEquals("[2001:db8:0:0:0:0:0:1]", a.toString());
  }

  @Test
  void domain_isAtyp03WithALengthByte() {
    SocksAddress.Domain a = SocksAddress.domain("example.com");
    assertEquals(0x03, a.addressType());
    assertEquals(12, a.encodedLength());
    assertEquals("example.com", a.toString());
  }

  @Test
  void ipv4MappedIpv6_staysIpv6() {
    assertInstanceOf(
        SocksAddress.Ipv6.class, SocksAddress.ipv6(bytes("00000000000000000000ffffc0000201")));
  }

  @Test
  void ofInetAddress_keepsTheFamily() throws UnknownHostException {
    assertInstanceOf(SocksAddress.Ipv4.class, SocksAddress.of(InetAddress.getByName("10.0.0.1")));
    assertInstanceOf(SocksAddress.Ipv6.class, SocksAddress.of(InetAddress.getByName("::1")));
  }

  @Test
  void wrongLengths_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> SocksAddress.ipv4(new byte[3]));
    assertThrows(IllegalArgumentException.class, () -> SocksAddress.ipv4(new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> SocksAddress.ipv6(new byte[4]));
  }

  @Test
  void nulls_areRejected() {
    assertThrows(NullPointerException.class, () -> new SocksAddress.Ipv4(null));
    assertThrows(NullPointerException.class, () -> new SocksAddress.Ipv6(null));
    assertThrows(NullPointerException.class, () -> new SocksAddress.Domain(null));
  }

  @Test
  void equality_isByValue() {
    assertEquals(SocksAddress.ipv4(bytes("0a000001")), SocksAddress.ipv4(bytes("0a000001")));
    assertEquals(SocksAddress.domain("a"), new SocksAddress.Domain(DomainName.of(bytes("61"))));
  }
}
