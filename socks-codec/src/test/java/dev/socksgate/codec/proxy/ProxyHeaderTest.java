package dev.socksgate.codec.proxy;

import static dev.socksgate.codec.DecodeAssert.assertMalformed;
import static dev.socksgate.codec.DecodeAssert.assertNeedMore;
import static dev.socksgate.codec.DecodeAssert.assertPrefixClosed;
import static dev.socksgate.codec.Hex.ascii;
import static dev.socksgate.codec.Hex.bytes;
import static dev.socksgate.codec.Hex.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Greeting;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PROXY protocol headers, v1 (§2.1) and v2 (§2.2), with the vectors of proxy-protocol.txt. */
class ProxyHeaderTest {

  private static final String SIG = "0d 0a 0d 0a 00 0d 0a 51 55 49 54 0a";
  private static final byte[] GREETING = bytes("05 01 00");

  private static InetSocketAddress at(String literal, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByAddress(parse(literal)), port);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  // The JDK's parser, not the codec's, so that the vectors are checked independently; it is given
  // literals only, which never resolve.
  private static byte[] parse(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal).getAddress();
  }

  private static ProxyHeader relayed(
      ProxyHeader.Version v, String src, int sp, String dst, int dp) {
    return ProxyHeader.of(v, new ProxiedAddresses(at(src, sp), at(dst, dp)));
  }

  /** The header decodes (whole, every prefix, byte by byte) and the greeting after it is kept. */
  private static void assertHeader(byte[] wire, ProxyHeader expected) {
    assertPrefixClosed(ProxyHeader::decode, wire, expected);
    ByteBuffer in = ByteBuffer.wrap(concat(wire, GREETING));
    assertEquals(new Decoded.Message<>(expected, wire.length), ProxyHeader.decode(in));
    assertEquals(
        new Decoded.Message<>(Socks5Greeting.of(Socks5AuthMethod.NO_AUTH), 3),
        Socks5Greeting.decode(in),
        "the SOCKS greeting coalesced with the header stays for the handshake");
  }

  // ---- v1 (§2.1)

  @Test
  void v1Tcp4_specExample_decodes() {
    byte[] wire = ascii("PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n");
    ProxyHeader h = relayed(ProxyHeader.Version.V1, "192.168.0.1", 56324, "192.168.0.11", 443);
    assertHeader(wire, h);
    assertArrayEquals(wire, h.toBytes());
  }

  @Test
  void v1Tcp4_longestLine_is56Bytes() {
    byte[] wire = ascii("PROXY TCP4 255.255.255.255 255.255.255.255 65535 65535\r\n");
    assertEquals(56, wire.length);
    assertHeader(
        wire, relayed(ProxyHeader.Version.V1, "255.255.255.255", 65535, "255.255.255.255", 65535));
  }

  @Test
  void v1Tcp6_longestLine_is104Bytes() {
    String f = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
    byte[] wire = ascii("PROXY TCP6 " + f + " " + f + " 65535 65535\r\n");
    assertEquals(104, wire.length);
    assertHeader(wire, relayed(ProxyHeader.Version.V1, f, 65535, f, 65535));
  }

  @Test
  void v1Tcp6_compressedForms_decode() {
    assertHeader(
        ascii("PROXY TCP6 2001:db8::1 ::1 0 1080\r\n"),
        relayed(ProxyHeader.Version.V1, "2001:db8::1", 0, "::1", 1080));
    assertHeader(
        ascii("PROXY TCP6 fe80:: 1:2:3:4:5:6:7:8 1 2\r\n"),
        relayed(ProxyHeader.Version.V1, "fe80::", 1, "1:2:3:4:5:6:7:8", 2));
  }

  @Test
  void v1Tcp6_ipv4Mapped_becomesAnIpv4Address() {
    ProxyHeader h =
        (ProxyHeader)
            ((Decoded.Message<?>)
                    ProxyHeader.decode(
                        ByteBuffer.wrap(ascii("PROXY TCP6 ::ffff:7f00:3 ::1 1000 1080\r\n"))))
                .value();
    assertInstanceOf(
        java.net.Inet4Address.class, h.addresses().orElseThrow().source().getAddress());
    assertEquals(at("127.0.0.3", 1000), h.addresses().orElseThrow().source());
  }

  @Test
  void v1Unknown_shortForm_meansTheSocketsAddress() {
    byte[] wire = ascii("PROXY UNKNOWN\r\n");
    assertEquals(15, wire.length);
    assertHeader(wire, ProxyHeader.local(ProxyHeader.Version.V1));
    assertArrayEquals(wire, ProxyHeader.local(ProxyHeader.Version.V1).toBytes());
  }

  @Test
  void v1Unknown_worstCase107Bytes_isAcceptedAndItsFieldsIgnored() {
    String f = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
    byte[] wire = ascii("PROXY UNKNOWN " + f + " " + f + " 65535 65535\r\n");
    assertEquals(107, wire.length);
    assertHeader(wire, ProxyHeader.local(ProxyHeader.Version.V1));
  }

  @Test
  void v1_over107Bytes_isTooLong() {
    String f = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
    byte[] wire = ascii("PROXY UNKNOWN " + f + " " + f + " 65535 655350\r\n"); // 108
    assertMalformed(ProxyHeader::decode, wire, Reason.TOO_LONG, "line");
    assertMalformed(
        ProxyHeader::decode, ascii("PROXY " + "A".repeat(101)), Reason.TOO_LONG, "line");
    assertNeedMore(ProxyHeader::decode, ascii("PROXY " + "A".repeat(100)), 1);
  }

  @Test
  void v1_truncated_needsMore() {
    assertNeedMore(ProxyHeader::decode, ascii(""), 15);
    assertNeedMore(ProxyHeader::decode, ascii("PRO"), 12);
    assertNeedMore(ProxyHeader::decode, ascii("PROXY TCP4 1.2.3.4 5.6.7.8 1 2\r"), 1);
  }

  @Test
  void v1_bareLfOrCrAlone_isMalformed() {
    assertMalformed(
        ProxyHeader::decode, ascii("PROXY TCP4 1.2.3.4 5.6.7.8 1 2\n"), Reason.BAD_VALUE, "line");
    assertMalformed(
        ProxyHeader::decode, ascii("PROXY TCP4 1.2.3.4 5.6.7.8 1 2\rx"), Reason.BAD_VALUE, "CRLF");
    assertMalformed(ProxyHeader::decode, bytes("50 52 4f 58 59 20 00"), Reason.BAD_VALUE, "line");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PROXY TCP4 1.2.3.4 5.6.7.8 1\r\n", // a field missing
        "PROXY TCP4 1.2.3.4 5.6.7.8 1 2 3\r\n", // one too many
        "PROXY TCP4  1.2.3.4 5.6.7.8 1 2\r\n", // two spaces
        "PROXY TCP4 1.2.3.4 5.6.7.8 1 2 \r\n", // trailing space
        "PROXY TCP5 1.2.3.4 5.6.7.8 1 2\r\n", // no such protocol
        "PROXY tcp4 1.2.3.4 5.6.7.8 1 2\r\n", // case matters
        "PROXY UNKNOWNX\r\n",
        "PROXY \r\n",
        "PROXY TCP4 01.2.3.4 5.6.7.8 1 2\r\n", // leading zero (octal confusion)
        "PROXY TCP4 1.2.3.256 5.6.7.8 1 2\r\n",
        "PROXY TCP4 1.2.3 5.6.7.8 1 2\r\n",
        "PROXY TCP4 1.2.3.4. 5.6.7.8 1 2\r\n",
        "PROXY TCP4 ::1 5.6.7.8 1 2\r\n", // IPv6 in a TCP4 line
        "PROXY TCP6 1.2.3.4 ::1 1 2\r\n", // IPv4 in a TCP6 line
        "PROXY TCP6 1::2::3 ::1 1 2\r\n", // two gaps
        "PROXY TCP6 ::: ::1 1 2\r\n",
        "PROXY TCP6 1:2:3:4:5:6:7:8:9 ::1 1 2\r\n",
        "PROXY TCP6 1:2:3:4:5:6:7 ::1 1 2\r\n", // 112 bits
        "PROXY TCP6 1:2:3:4::5:6:7:8 ::1 1 2\r\n", // a gap standing for nothing
        "PROXY TCP6 12345::1 ::1 1 2\r\n",
        "PROXY TCP6 g::1 ::1 1 2\r\n",
        "PROXY TCP6 fe80::1%eth0 ::1 1 2\r\n", // a zone is no part of the grammar
        "PROXY TCP4 1.2.3.4 5.6.7.8 65536 2\r\n",
        "PROXY TCP4 1.2.3.4 5.6.7.8 01 2\r\n",
        "PROXY TCP4 1.2.3.4 5.6.7.8 -1 2\r\n",
        "PROXY TCP4 1.2.3.4 5.6.7.8 +1 2\r\n",
      })
  void v1_badFields_areMalformed(String line) {
    assertMalformed(ProxyHeader::decode, ascii(line), Reason.BAD_VALUE, "PROXY line");
  }

  @Test
  void otherProtocols_areMalformedAtTheirFirstByte() {
    assertMalformed(ProxyHeader::decode, GREETING, Reason.BAD_VERSION, "signature");
    assertMalformed(ProxyHeader::decode, ascii("GET / HTTP/1.1"), Reason.BAD_VERSION, "signature");
    assertMalformed(ProxyHeader::decode, ascii("PROXz"), Reason.BAD_VERSION, "signature");
    assertMalformed(ProxyHeader::decode, ascii("proxy "), Reason.BAD_VERSION, "signature");
  }

  // ---- v2 (§2.2)

  @Test
  void v2Tcp4_decodes() {
    byte[] wire = bytes(SIG + " 21 11 000c  c0a80001 c0a8000b  dc04 01bb");
    ProxyHeader h = relayed(ProxyHeader.Version.V2, "192.168.0.1", 56324, "192.168.0.11", 443);
    assertHeader(wire, h);
    assertArrayEquals(wire, h.toBytes());
  }

  @Test
  void v2Tcp6_decodes() {
    byte[] wire =
        bytes(
            SIG
                + " 21 21 0024"
                + " 20010db8000000000000000000000001 00000000000000000000000000000001"
                + " 1f90 0438");
    ProxyHeader h = relayed(ProxyHeader.Version.V2, "2001:db8::1", 8080, "::1", 1080);
    assertHeader(wire, h);
    assertArrayEquals(wire, h.toBytes());
  }

  @Test
  void v2Local_healthCheck_meansTheSocketsAddress() {
    byte[] wire = bytes(SIG + " 20 00 0000");
    assertHeader(wire, ProxyHeader.local(ProxyHeader.Version.V2));
    assertArrayEquals(wire, ProxyHeader.local(ProxyHeader.Version.V2).toBytes());
  }

  @Test
  void v2Local_skipsItsBlockAndIgnoresTheFamily() {
    // §2.2: "Receivers MUST always consider this field to skip the appropriate number of bytes
    // and must not assume zero is presented for LOCAL connections."
    assertHeader(
        bytes(SIG + " 20 11 000c  7f000001 7f000001 1234 0438"),
        ProxyHeader.local(ProxyHeader.Version.V2));
    assertHeader(bytes(SIG + " 20 ff 0002 abcd"), ProxyHeader.local(ProxyHeader.Version.V2));
  }

  @Test
  void v2UnspecUnixAndDatagrams_fallBackToTheSocketsAddress() {
    ProxyHeader local = ProxyHeader.local(ProxyHeader.Version.V2);
    assertHeader(bytes(SIG + " 21 00 0000"), local);
    assertHeader(bytes(SIG + " 21 00 0003 010203"), local); // UNSPEC: address info ignored
    assertHeader(concat(bytes(SIG + " 21 31 00d8"), new byte[216]), local); // UNIX stream
    assertHeader(concat(bytes(SIG + " 21 32 00d8"), new byte[216]), local); // UNIX datagram
    assertHeader(bytes(SIG + " 21 12 000c  7f000001 7f000001 1234 0438"), local); // UDP
    assertHeader(bytes(SIG + " 21 10 000c  7f000001 7f000001 1234 0438"), local); // INET, UNSPEC
  }

  @Test
  void v2Tlvs_areSkipped() {
    ProxyHeader h = relayed(ProxyHeader.Version.V2, "127.0.0.2", 4660, "127.0.0.1", 1080);
    assertHeader(
        bytes(
            SIG
                + " 21 11 0022  7f000002 7f000001 1234 0438"
                + " 04 0000" // PP2_TYPE_NOOP, empty
                + " 02 0009 6c6f63616c686f7374" // PP2_TYPE_AUTHORITY "localhost"
                + " 03 0004 deadbeef"), // PP2_TYPE_CRC32C (not verified)
        h);
    // AWS NLB: a PP2_TYPE_AWS (0xEA) TLV with the VPC endpoint ID.
    assertHeader(
        bytes(
            SIG
                + " 21 11 001f  7f000002 7f000001 1234 0438"
                + " ea 0010 01 7670 63652d30313233343536373839"),
        h);
  }

  @Test
  void v2LongestAccepted_andOneBeyond() {
    byte[] tlv = concat(bytes("e0"), bytes("03f1"), new byte[ProxyHeader.MAX_V2_LENGTH - 15]);
    byte[] wire = concat(bytes(SIG + " 21 11 0400  7f000002 7f000001 1234 0438"), tlv);
    assertEquals(ProxyHeader.MAX_LENGTH, wire.length);
    assertHeader(wire, relayed(ProxyHeader.Version.V2, "127.0.0.2", 4660, "127.0.0.1", 1080));
    assertMalformed(ProxyHeader::decode, bytes(SIG + " 21 11 0401"), Reason.TOO_LONG, "length");
    assertMalformed(ProxyHeader::decode, bytes(SIG + " 21 11 ffff"), Reason.TOO_LONG, "length");
    assertMalformed(ProxyHeader::decode, bytes(SIG + " 20 00 ffff"), Reason.TOO_LONG, "length");
  }

  @Test
  void v2WrongFamilyLengths_areMalformed() {
    assertMalformed(ProxyHeader::decode, bytes(SIG + " 21 11 000b"), Reason.BAD_LENGTH, "length");
    assertMalformed(ProxyHeader::decode, bytes(SIG + " 21 21 000c"), Reason.BAD_LENGTH, "length");
    assertMalformed(ProxyHeader::decode, bytes(SIG + " 21 21 0023"), Reason.BAD_LENGTH, "length");
    assertMalformed(ProxyHeader::decode, bytes(SIG + " 21 31 00d7"), Reason.BAD_LENGTH, "length");
    assertMalformed(ProxyHeader::decode, bytes(SIG + " 21 12 0000"), Reason.BAD_LENGTH, "length");
  }

  @Test
  void v2BrokenTlvs_areMalformed() {
    String addr = " 7f000002 7f000001 1234 0438";
    assertMalformed(
        ProxyHeader::decode,
        bytes(SIG + " 21 11 000e" + addr + " 04 00"),
        Reason.BAD_LENGTH,
        "TLV");
    assertMalformed(
        ProxyHeader::decode,
        bytes(SIG + " 21 11 0011" + addr + " 04 0003 00 00"),
        Reason.BAD_LENGTH,
        "TLV");
  }

  @Test
  void v2BadVersionCommandOrFamily_isMalformedAtThatByte() {
    assertMalformed(ProxyHeader::decode, bytes(SIG + " 11"), Reason.BAD_VERSION, "version");
    assertMalformed(ProxyHeader::decode, bytes(SIG + " 31"), Reason.BAD_VERSION, "version");
    assertMalformed(ProxyHeader::decode, bytes(SIG + " 22"), Reason.UNSUPPORTED_COMMAND, "command");
    assertMalformed(ProxyHeader::decode, bytes(SIG + " 2f"), Reason.UNSUPPORTED_COMMAND, "command");
    assertMalformed(
        ProxyHeader::decode, bytes(SIG + " 21 41"), Reason.UNSUPPORTED_ADDRESS_TYPE, "family");
    assertMalformed(
        ProxyHeader::decode, bytes(SIG + " 21 13"), Reason.UNSUPPORTED_ADDRESS_TYPE, "family");
    assertMalformed(
        ProxyHeader::decode,
        bytes("0d 0a 0d 0a 00 0d 0a 51 55 49 54 0b"),
        Reason.BAD_VERSION,
        "signature");
    assertMalformed(ProxyHeader::decode, bytes("0d 0a 0d 0d"), Reason.BAD_VERSION, "signature");
  }

  @Test
  void v2Truncated_needsMore() {
    assertNeedMore(ProxyHeader::decode, bytes("0d"), 15);
    assertNeedMore(ProxyHeader::decode, bytes(SIG + " 21 11"), 2);
    assertNeedMore(ProxyHeader::decode, bytes(SIG + " 21 11 000c"), 12);
    assertNeedMore(ProxyHeader::decode, bytes(SIG + " 21 11 000c 7f000002 7f000001 12"), 3);
  }

  @Test
  void mixedFamilies_encodeAsIpv6() {
    ProxyHeader h =
        ProxyHeader.of(
            ProxyHeader.Version.V2, new ProxiedAddresses(at("127.0.0.2", 1), at("2001:db8::2", 2)));
    assertHeader(h.toBytes(), h);
    ProxyHeader v1 = new ProxyHeader(ProxyHeader.Version.V1, h.addresses());
    assertArrayEquals(
        ascii("PROXY TCP6 0:0:0:0:0:ffff:7f00:2 2001:db8:0:0:0:0:0:2 1 2\r\n"), v1.toBytes());
    assertHeader(v1.toBytes(), v1);
  }
}
