package dev.socksgate.codec.v5;

import static dev.socksgate.codec.DecodeAssert.assertMalformed;
import static dev.socksgate.codec.DecodeAssert.assertNeedMore;
import static dev.socksgate.codec.DecodeAssert.assertPrefixClosed;
import static dev.socksgate.codec.Hex.ascii;
import static dev.socksgate.codec.Hex.bytes;
import static dev.socksgate.codec.Hex.concat;
import static dev.socksgate.codec.Hex.repeat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.DomainName;
import dev.socksgate.codec.SocksAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SOCKS5 reply vectors (RFC 1928 §6, Tor reference §7 (docs/tor-reference.md) and §9, proposal
 * 304), both directions: the server encodes them, a client decodes them. Includes Tor's ATYP 00
 * failure form for RESOLVE.
 */
class Socks5ReplyTest {

  private static SocksAddress ip(String literal) throws UnknownHostException {
    return SocksAddress.of(InetAddress.getByName(literal));
  }

  /** Asserts both directions: the value encodes to the bytes, the bytes decode to the value. */
  private static void assertWire(Socks5Reply reply, byte[] wire) {
    assertArrayEquals(wire, reply.toBytes(), "encoding");
    assertEquals(wire.length, reply.encodedLength(), "encodedLength");
    assertPrefixClosed(Socks5Reply::decode, wire, reply);
  }

  @Test
  void successWithZeroIpv4_isTorsTenByteForm() {
    assertWire(Socks5Reply.zeroIpv4(Socks5ReplyCode.SUCCEEDED), bytes("05 00 00 01 00000000 0000"));
  }

  @Test
  void successWithZeroIpv6_isTheTwentyTwoByteForm() {
    assertWire(
        Socks5Reply.zeroIpv6(Socks5ReplyCode.SUCCEEDED),
        bytes("05 00 00 04 00000000000000000000000000000000 0000"));
  }

  @Test
  void resolveAnswerIpv4_carriesTheAddress() throws UnknownHostException {
    assertWire(
        Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, ip("8.8.8.8"), 0),
        bytes("05 00 00 01 08080808 0000"));
  }

  @Test
  void resolveAnswerIpv6_carriesTheAddress() throws UnknownHostException {
    assertWire(
        Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, ip("2001:db8::1"), 0),
        bytes("05 00 00 04 20010db8000000000000000000000001 0000"));
  }

  @Test
  void resolvePtrAnswer_carriesTheName() {
    assertWire(
        Socks5Reply.of(
            Socks5ReplyCode.SUCCEEDED, new SocksAddress.Domain(DomainName.of("example.com")), 0),
        concat(bytes("05 00 00 03 0b"), ascii("example.com"), bytes("0000")));
  }

  @Test
  void shortestReplyOneByteName_isPrefixClosed() {
    // Eight bytes, shorter than the ATYP 01 and 00 forms: before ATYP arrives a decoder may not ask
    // for more than this (fuzzing found the decoder asking for 10; regression input crash-93aa62…).
    assertWire(
        Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, new SocksAddress.Domain(DomainName.of("a")), 80),
        bytes("05 00 00 03 01 61 0050"));
  }

  @Test
  void longestReply255ByteName_decodes() {
    byte[] name = repeat('n', 255);
    assertWire(
        Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, new SocksAddress.Domain(DomainName.of(name)), 0),
        concat(bytes("05 00 00 03 ff"), name, bytes("0000")));
  }

  @Test
  void boundAddressAndPort_roundTrip() throws UnknownHostException {
    assertWire(
        Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, ip("192.0.2.7"), 65535),
        bytes("05 00 00 01 c0000207 ffff"));
  }

  @Test
  void resolveFailureAtyp00_isTorsUnspecifiedForm() {
    Socks5Reply reply = Socks5Reply.unspecified(Socks5ReplyCode.HOST_UNREACHABLE);
    assertEquals(Optional.empty(), reply.bndAddr());
    assertWire(reply, bytes("05 04 00 00 00000000 0000"));
  }

  @Test
  void atyp00WithAPort_keepsThePort() {
    assertWire(
        new Socks5Reply(Socks5ReplyCode.HOST_UNREACHABLE, Optional.empty(), 80),
        bytes("05 04 00 00 00000000 0050"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08})
  void rfcReplyCode_roundTripsAndIsKnown(int code) {
    Socks5ReplyCode rep = Socks5ReplyCode.of((byte) code);
    assertTrue(rep.isKnown());
    assertWire(
        Socks5Reply.zeroIpv4(rep),
        concat(bytes("05"), new byte[] {(byte) code}, bytes("00 01 00000000 0000")));
  }

  @ParameterizedTest
  @ValueSource(ints = {0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7})
  void torExtendedErrorCode_roundTripsAndIsKnown(int code) {
    Socks5ReplyCode rep = Socks5ReplyCode.of((byte) code);
    assertTrue(rep.isKnown());
    assertWire(
        Socks5Reply.zeroIpv4(rep),
        concat(bytes("05"), new byte[] {(byte) code}, bytes("00 01 00000000 0000")));
  }

  @Test
  void extendedErrorF6BadOnionAddress_isTheObservedBytes() {
    assertWire(
        Socks5Reply.zeroIpv4(Socks5ReplyCode.ONION_SERVICE_BAD_ADDRESS),
        bytes("05 f6 00 01 00000000 0000"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0x09, 0x7f, 0x80, 0xef, 0xf8, 0xff})
  void unknownReplyCode_decodesAsAnOpenValue(int code) {
    Socks5ReplyCode rep = Socks5ReplyCode.of((byte) code);
    assertFalse(rep.isKnown());
    assertWire(
        Socks5Reply.zeroIpv4(rep),
        concat(bytes("05"), new byte[] {(byte) code}, bytes("00 01 00000000 0000")));
  }

  // --- need more ---

  @Test
  void emptyInput_needsTheShortestReply() {
    assertNeedMore(Socks5Reply::decode, bytes(""), 8);
    assertNeedMore(Socks5Reply::decode, bytes("05"), 7);
    assertNeedMore(Socks5Reply::decode, bytes("05 00"), 6);
    assertNeedMore(Socks5Reply::decode, bytes("05 00 00"), 5);
  }

  @Test
  void atypKnown_needsTheRest() {
    assertNeedMore(Socks5Reply::decode, bytes("05 04 00 00"), 6);
    assertNeedMore(Socks5Reply::decode, bytes("05 00 00 01"), 6);
    assertNeedMore(Socks5Reply::decode, bytes("05 00 00 04"), 18);
    assertNeedMore(Socks5Reply::decode, bytes("05 00 00 03"), 4);
  }

  // --- malformations ---

  @ParameterizedTest
  @ValueSource(strings = {"04", "00", "01", "ff"})
  void badVer_isMalformedAtTheFirstByte(String ver) {
    assertMalformed(Socks5Reply::decode, bytes(ver), Reason.BAD_VERSION, "VER");
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "ff"})
  void nonZeroRsv_isMalformedAtTheRsvByte(String rsv) {
    assertMalformed(Socks5Reply::decode, bytes("05 00 " + rsv), Reason.BAD_RESERVED, "RSV");
  }

  @ParameterizedTest
  @ValueSource(strings = {"02", "05", "ff"})
  void unknownAtyp_isMalformedAtTheAtypByte(String atyp) {
    assertMalformed(
        Socks5Reply::decode, bytes("05 00 00 " + atyp), Reason.UNSUPPORTED_ADDRESS_TYPE, "ATYP");
  }

  @Test
  void atyp00WithNonZeroAddress_isMalformedAtThatByte() {
    assertMalformed(Socks5Reply::decode, bytes("05 04 00 00 01"), Reason.BAD_VALUE, "BND.ADDR");
    assertMalformed(
        Socks5Reply::decode, bytes("05 04 00 00 00 00 00 7f"), Reason.BAD_VALUE, "BND.ADDR");
  }

  @Test
  void zeroLengthName_isMalformed() {
    assertMalformed(Socks5Reply::decode, bytes("05 00 00 03 00"), Reason.BAD_LENGTH, "BND.ADDR");
  }

  @Test
  void nulInName_isMalformed() {
    assertMalformed(
        Socks5Reply::decode, bytes("05 00 00 03 03 61 00"), Reason.BAD_VALUE, "BND.ADDR");
  }

  // --- value ---

  @Test
  void portOutOfRange_isRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Socks5Reply(Socks5ReplyCode.SUCCEEDED, Optional.empty(), -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Socks5Reply(Socks5ReplyCode.SUCCEEDED, Optional.empty(), 65536));
  }

  @Test
  void nullFields_areRejected() {
    assertThrows(NullPointerException.class, () -> new Socks5Reply(null, Optional.empty(), 0));
    assertThrows(
        NullPointerException.class, () -> new Socks5Reply(Socks5ReplyCode.SUCCEEDED, null, 0));
  }
}
