package dev.socksgate.codec.v5;

import static dev.socksgate.codec.DecodeAssert.assertMalformed;
import static dev.socksgate.codec.DecodeAssert.assertMessage;
import static dev.socksgate.codec.DecodeAssert.assertNeedMore;
import static dev.socksgate.codec.DecodeAssert.assertPrefixClosed;
import static dev.socksgate.codec.Hex.ascii;
import static dev.socksgate.codec.Hex.bytes;
import static dev.socksgate.codec.Hex.concat;
import static dev.socksgate.codec.Hex.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.DomainName;
import dev.socksgate.codec.Hex;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.WireLimits;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SOCKS5 request vectors (RFC 1928 §4–§5, Tor reference §6.1 (docs/tor-reference.md)): every
 * command of Tor's grammar, every address type, the domain limits, and every malformation, reported
 * at the offending byte. Every valid vector is also checked for prefix closure, byte-at-a-time
 * feeding and optimistic data ({@link dev.socksgate.codec.DecodeAssert#assertPrefixClosed}).
 */
class Socks5RequestDecoderTest {

  private static final byte[] EXAMPLE_COM = ascii("example.com");

  private static SocksAddress ip(String literal) throws UnknownHostException {
    return SocksAddress.of(InetAddress.getByName(literal));
  }

  private static SocksAddress domain(byte[] name) {
    return new SocksAddress.Domain(DomainName.of(name));
  }

  @Test
  void connectIpv4_decodes() throws UnknownHostException {
    assertPrefixClosed(
        Socks5Request::decode,
        bytes("05 01 00 01 c0000201 0050"),
        new Socks5Request(Socks5Command.CONNECT, ip("192.0.2.1"), 80));
  }

  @Test
  void connectDomain_decodes() {
    assertPrefixClosed(
        Socks5Request::decode,
        concat(bytes("05 01 00 03 0b"), EXAMPLE_COM, bytes("01bb")),
        new Socks5Request(Socks5Command.CONNECT, domain(EXAMPLE_COM), 443));
  }

  @Test
  void connectIpv6_decodes() throws UnknownHostException {
    assertPrefixClosed(
        Socks5Request::decode,
        bytes("05 01 00 04 20010db8000000000000000000000001 01bb"),
        new Socks5Request(Socks5Command.CONNECT, ip("2001:db8::1"), 443));
  }

  @Test
  void ipv4MappedIpv6_staysIpv6() {
    Socks5Request r = assertDecodes(bytes("05 01 00 04 00000000000000000000ffffc0000201 0050"));
    assertInstanceOf(SocksAddress.Ipv6.class, r.dstAddr());
    assertEquals(
        Hex.format(bytes("05 01 00 04 00000000000000000000ffffc0000201 0050")),
        Hex.format(r.toBytes()));
  }

  @Test
  void bind_decodes() throws UnknownHostException {
    assertPrefixClosed(
        Socks5Request::decode,
        bytes("05 02 00 01 c0000201 0050"),
        new Socks5Request(Socks5Command.BIND, ip("192.0.2.1"), 80));
  }

  @Test
  void udpAssociate_decodes() throws UnknownHostException {
    assertPrefixClosed(
        Socks5Request::decode,
        bytes("05 03 00 01 00000000 0000"),
        new Socks5Request(Socks5Command.UDP_ASSOCIATE, ip("0.0.0.0"), 0));
  }

  @Test
  void resolveF0Domain_decodes() {
    assertPrefixClosed(
        Socks5Request::decode,
        concat(bytes("05 f0 00 03 0b"), EXAMPLE_COM, bytes("0000")),
        new Socks5Request(Socks5Command.RESOLVE, domain(EXAMPLE_COM), 0));
  }

  @Test
  void resolvePtrF1Ipv4_decodes() throws UnknownHostException {
    assertPrefixClosed(
        Socks5Request::decode,
        bytes("05 f1 00 01 08080808 0000"),
        new Socks5Request(Socks5Command.RESOLVE_PTR, ip("8.8.8.8"), 0));
  }

  @Test
  void resolvePtrF1Ipv6_decodes() throws UnknownHostException {
    assertPrefixClosed(
        Socks5Request::decode,
        bytes("05 f1 00 04 20010db8000000000000000000000001 0000"),
        new Socks5Request(Socks5Command.RESOLVE_PTR, ip("2001:db8::1"), 0));
  }

  @Test
  void portsZeroAndMax_decodeAsSent() throws UnknownHostException {
    // Port 0 is the server's business (Tor refuses CONNECT to port 0 as policy, not as syntax).
    assertPrefixClosed(
        Socks5Request::decode,
        bytes("05 01 00 01 c0000201 0000"),
        new Socks5Request(Socks5Command.CONNECT, ip("192.0.2.1"), 0));
    assertPrefixClosed(
        Socks5Request::decode,
        bytes("05 01 00 01 c0000201 ffff"),
        new Socks5Request(Socks5Command.CONNECT, ip("192.0.2.1"), 65535));
  }

  @Test
  void domainOfOneByte_decodes() {
    assertPrefixClosed(
        Socks5Request::decode,
        bytes("05 01 00 03 01 61 0050"),
        new Socks5Request(Socks5Command.CONNECT, domain(ascii("a")), 80));
  }

  @Test
  void domainOf255Bytes_decodesAtTheLongestRequest() {
    byte[] name = repeat('a', 255);
    byte[] wire = concat(bytes("05 01 00 03 ff"), name, bytes("0050"));
    assertEquals(WireLimits.MAX_SOCKS5_REQUEST, wire.length);
    assertPrefixClosed(
        Socks5Request::decode, wire, new Socks5Request(Socks5Command.CONNECT, domain(name), 80));
  }

  @Test
  void domainWithNonAsciiBytes_keepsTheBytes() {
    byte[] name = bytes("c3a9 2e 7f ff");
    assertPrefixClosed(
        Socks5Request::decode,
        concat(bytes("05 01 00 03 05"), name, bytes("0050")),
        new Socks5Request(Socks5Command.CONNECT, domain(name), 80));
  }

  @Test
  void requestsInOneBuffer_decodeOneAfterTheOther() throws UnknownHostException {
    ByteBuffer in = ByteBuffer.wrap(bytes("05 01 00 01 c0000201 0050  05 f0 00 03 01 61 0000"));
    assertEquals(
        new Decoded.Message<>(new Socks5Request(Socks5Command.CONNECT, ip("192.0.2.1"), 80), 10),
        Socks5Request.decode(in));
    assertEquals(10, in.position());
    assertEquals(
        new Decoded.Message<>(new Socks5Request(Socks5Command.RESOLVE, domain(ascii("a")), 0), 8),
        Socks5Request.decode(in));
    assertEquals(0, in.remaining());
  }

  // --- need more: the bound is exact where the message length is already known ---

  @Test
  void emptyInput_needsTheShortestRequest() {
    assertNeedMore(Socks5Request::decode, bytes(""), 8);
  }

  @Test
  void headerWithoutAtyp_needsTheShortestRemainder() {
    assertNeedMore(Socks5Request::decode, bytes("05"), 7);
    assertNeedMore(Socks5Request::decode, bytes("05 01"), 6);
    assertNeedMore(Socks5Request::decode, bytes("05 01 00"), 5);
  }

  @Test
  void atypKnown_needsTheRestOfTheAddressAndPort() {
    assertNeedMore(Socks5Request::decode, bytes("05 01 00 01"), 6);
    assertNeedMore(Socks5Request::decode, bytes("05 01 00 04"), 18);
    assertNeedMore(Socks5Request::decode, bytes("05 01 00 03"), 4);
    assertNeedMore(Socks5Request::decode, bytes("05 01 00 03 0b"), 13);
    assertNeedMore(Socks5Request::decode, bytes("05 01 00 01 c0000201 00"), 1);
  }

  // --- malformations, each reported as soon as the offending byte is there ---

  @ParameterizedTest
  @ValueSource(strings = {"04", "06", "01", "00", "ff"})
  void badVer_isMalformedAtTheFirstByte(String ver) {
    assertMalformed(Socks5Request::decode, bytes(ver), Reason.BAD_VERSION, "VER");
  }

  @Test
  void commandF2ConnectDir_isMalformedAtTheCmdByte() {
    // Tor's grammar stops at F1: the retired CONNECT_DIR is refused like any unknown command.
    assertEquals(
        0xF2,
        assertMalformed(Socks5Request::decode, bytes("05 f2"), Reason.UNSUPPORTED_COMMAND, "CMD")
            .value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"00", "04", "05", "7f", "80", "ef", "f3", "ff"})
  void unknownCommand_isMalformedAtTheCmdByte(String cmd) {
    assertMalformed(Socks5Request::decode, bytes("05 " + cmd), Reason.UNSUPPORTED_COMMAND, "CMD");
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "80", "ff"})
  void nonZeroRsv_isMalformedAtTheRsvByte(String rsv) {
    assertMalformed(Socks5Request::decode, bytes("05 01 " + rsv), Reason.BAD_RESERVED, "RSV");
  }

  @ParameterizedTest
  @ValueSource(strings = {"00", "02", "05", "23", "ff"})
  void unknownAtyp_isMalformedAtTheAtypByte(String atyp) {
    assertMalformed(
        Socks5Request::decode, bytes("05 01 00 " + atyp), Reason.UNSUPPORTED_ADDRESS_TYPE, "ATYP");
  }

  @Test
  void zeroLengthDomain_isMalformedAtTheLengthByte() {
    assertMalformed(Socks5Request::decode, bytes("05 01 00 03 00"), Reason.BAD_LENGTH, "DST.ADDR");
  }

  @Test
  void nulInDomain_isMalformedAtTheNulByte() {
    // Tor truncates the name at the NUL (strlcpy); we refuse it instead (docs/protocol.md).
    assertMalformed(
        Socks5Request::decode, bytes("05 01 00 03 05 61 62 00"), Reason.BAD_VALUE, "DST.ADDR");
    assertMalformed(
        Socks5Request::decode, bytes("05 01 00 03 01 00"), Reason.BAD_VALUE, "DST.ADDR");
  }

  @Test
  void nulAtTheEndOfTheLongestDomain_isMalformed() {
    byte[] wire = concat(bytes("05 01 00 03 ff"), repeat('a', 254), bytes("00"));
    assertMalformed(Socks5Request::decode, wire, Reason.BAD_VALUE, "DST.ADDR");
  }

  private static Socks5Request assertDecodes(byte[] wire) {
    return assertMessage(Socks5Request::decode, wire);
  }
}
