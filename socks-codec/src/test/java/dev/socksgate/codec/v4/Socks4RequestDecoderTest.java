package dev.socksgate.codec.v4;

import static dev.socksgate.codec.DecodeAssert.assertMalformed;
import static dev.socksgate.codec.DecodeAssert.assertNeedMore;
import static dev.socksgate.codec.DecodeAssert.assertPrefixClosed;
import static dev.socksgate.codec.Hex.ascii;
import static dev.socksgate.codec.Hex.bytes;
import static dev.socksgate.codec.Hex.concat;
import static dev.socksgate.codec.Hex.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.DomainName;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.WireLimits;
import java.net.Inet4Address;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SOCKS4 and SOCKS4a request vectors (the SOCKS4 protocol, its 4A extension, Tor reference §3
 * (docs/tor-reference.md)): Tor's command set, the 512-byte rule, the 255-byte hostname, and every
 * malformation at its byte.
 */
class Socks4RequestDecoderTest {

  private static final byte[] NONE = new byte[0];

  private static Inet4Address ip(int a, int b, int c, int d) {
    return SocksAddress.ipv4(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}).address();
  }

  private static Socks4Request socks4a(
      Socks4Command cd, int port, int x, byte[] user, String host) {
    return new Socks4Request(cd, port, ip(0, 0, 0, x), user, Optional.of(DomainName.of(host)));
  }

  @Test
  void connectWithoutUserId_decodes() {
    assertPrefixClosed(
        Socks4Request::decode,
        bytes("04 01 0050 c0000201 00"),
        Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 80, NONE));
  }

  @Test
  void connectWithUserId_decodes() {
    assertPrefixClosed(
        Socks4Request::decode,
        bytes("04 01 01bb c0000201 6d6f7a696c6c61 00"),
        Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 443, ascii("mozilla")));
  }

  @Test
  void bind_decodes() {
    assertPrefixClosed(
        Socks4Request::decode,
        bytes("04 02 0050 c0000201 00"),
        Socks4Request.of(Socks4Command.BIND, ip(192, 0, 2, 1), 80, NONE));
  }

  @Test
  void resolveF0OfAnIp_decodesWithPortZero() {
    assertPrefixClosed(
        Socks4Request::decode,
        bytes("04 f0 0000 7f000001 00"),
        Socks4Request.of(Socks4Command.RESOLVE, ip(127, 0, 0, 1), 0, NONE));
  }

  @Test
  void resolvePtrF1_isInTheGrammar() {
    // Tor refuses F1 on SOCKS4 after parsing (policy); the grammar admits it.
    assertPrefixClosed(
        Socks4Request::decode,
        bytes("04 f1 0000 08080808 00"),
        Socks4Request.of(Socks4Command.RESOLVE_PTR, ip(8, 8, 8, 8), 0, NONE));
  }

  @Test
  void socks4aConnect_decodesTheHostname() {
    assertPrefixClosed(
        Socks4Request::decode,
        bytes("04 01 0050 00000001 00 6578616d706c652e636f6d 00"),
        socks4a(Socks4Command.CONNECT, 80, 1, NONE, "example.com"));
  }

  @Test
  void socks4aResolveWithUserId_decodes() {
    assertPrefixClosed(
        Socks4Request::decode,
        bytes("04 f0 0000 00000001 6d65 00 6578616d706c652e636f6d 00"),
        socks4a(Socks4Command.RESOLVE, 0, 1, ascii("me"), "example.com"));
  }

  @Test
  void socks4aMarker000000ff_isKeptAsSent() {
    // Any 0.0.0.x with x != 0 announces a hostname; the x the client chose round-trips.
    Socks4Request r = socks4a(Socks4Command.CONNECT, 80, 0xff, NONE, "a");
    assertPrefixClosed(Socks4Request::decode, bytes("04 01 0050 000000ff 00 61 00"), r);
    assertEquals(ip(0, 0, 0, 255), r.dstIp());
  }

  @Test
  void dstIpZero_isPlainSocks4() {
    // 0.0.0.0 is not the 4a marker; Tor refuses it as policy ("DestIP is zero"), not syntax.
    assertPrefixClosed(
        Socks4Request::decode,
        bytes("04 01 0050 00000000 00"),
        Socks4Request.of(Socks4Command.CONNECT, ip(0, 0, 0, 0), 80, NONE));
  }

  @Test
  void userIdWithHighBytes_isKeptAsBytes() {
    assertPrefixClosed(
        Socks4Request::decode,
        bytes("04 01 0050 c0000201 ff80c3a9 00"),
        Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 80, bytes("ff80c3a9")));
  }

  // --- limits ---

  @Test
  void requestOf512Bytes_decodes() {
    byte[] wire = concat(bytes("04 01 0050 c0000201"), repeat('u', 503), bytes("00"));
    assertEquals(WireLimits.MAX_SOCKS4_REQUEST, wire.length);
    assertPrefixClosed(
        Socks4Request::decode,
        wire,
        Socks4Request.of(Socks4Command.CONNECT, ip(192, 0, 2, 1), 80, repeat('u', 503)));
  }

  @Test
  void requestOf513Bytes_isTooLongOnce512BytesAreBuffered() {
    byte[] wire = concat(bytes("04 01 0050 c0000201"), repeat('u', 504), bytes("00"));
    assertNeedMore(Socks4Request::decode, Arrays.copyOf(wire, 511), 1);
    assertMalformed(Socks4Request::decode, Arrays.copyOf(wire, 512), Reason.TOO_LONG, "USERID");
    assertMalformed(Socks4Request::decode, wire, Reason.TOO_LONG, "USERID");
  }

  @Test
  void unterminatedUserIdOf2000Bytes_isTooLong() {
    byte[] wire = concat(bytes("04 01 0050 c0000201"), repeat('u', 2000));
    assertMalformed(Socks4Request::decode, wire, Reason.TOO_LONG, "USERID");
  }

  @Test
  void socks4aHostnameOf255Bytes_decodes() {
    String host = "h".repeat(255);
    assertPrefixClosed(
        Socks4Request::decode,
        concat(bytes("04 01 0050 00000001 00"), ascii(host), bytes("00")),
        socks4a(Socks4Command.CONNECT, 80, 1, NONE, host));
  }

  @Test
  void socks4aHostnameOf256Bytes_isTooLong() {
    byte[] wire = concat(bytes("04 01 0050 00000001 00"), repeat('h', 256), bytes("00"));
    // Reported as soon as 256 hostname bytes without a NUL are there.
    assertNeedMore(Socks4Request::decode, Arrays.copyOf(wire, wire.length - 1 - 1), 1);
    assertMalformed(
        Socks4Request::decode, Arrays.copyOf(wire, wire.length - 1), Reason.TOO_LONG, "HOSTNAME");
    assertMalformed(Socks4Request::decode, wire, Reason.TOO_LONG, "HOSTNAME");
  }

  @Test
  void socks4aOf512Bytes_decodes() {
    String host = "h".repeat(255);
    byte[] wire =
        concat(
            bytes("04 01 0050 00000001"), repeat('u', 247), bytes("00"), ascii(host), bytes("00"));
    assertEquals(WireLimits.MAX_SOCKS4_REQUEST, wire.length);
    assertPrefixClosed(
        Socks4Request::decode, wire, socks4a(Socks4Command.CONNECT, 80, 1, repeat('u', 247), host));
  }

  @Test
  void socks4aOf513Bytes_isTooLongOnce512BytesAreBuffered() {
    byte[] wire =
        concat(
            bytes("04 01 0050 00000001"),
            repeat('u', 248),
            bytes("00"),
            repeat('h', 255),
            bytes("00"));
    assertEquals(513, wire.length);
    assertNeedMore(Socks4Request::decode, Arrays.copyOf(wire, 511), 1);
    assertMalformed(Socks4Request::decode, Arrays.copyOf(wire, 512), Reason.TOO_LONG, "HOSTNAME");
  }

  @Test
  void unterminatedSocks4aHostnameAt512Bytes_isTooLong() {
    byte[] wire =
        concat(bytes("04 01 0050 00000001"), repeat('u', 300), bytes("00"), repeat('h', 203));
    assertEquals(512, wire.length);
    assertMalformed(Socks4Request::decode, wire, Reason.TOO_LONG, "HOSTNAME");
  }

  // --- need more ---

  @Test
  void prefixes_needTheShortestRemainder() {
    assertNeedMore(Socks4Request::decode, bytes(""), 9);
    assertNeedMore(Socks4Request::decode, bytes("04"), 8);
    assertNeedMore(Socks4Request::decode, bytes("04 01"), 7);
    assertNeedMore(Socks4Request::decode, bytes("04 01 0050 c0000201"), 1);
    assertNeedMore(Socks4Request::decode, bytes("04 01 0050 c0000201 6d65"), 1);
  }

  @Test
  void socks4aPrefixes_needNulHostnameAndNul() {
    assertNeedMore(Socks4Request::decode, bytes("04 01 0050 00000001"), 3);
    assertNeedMore(Socks4Request::decode, bytes("04 01 0050 00000001 6d65"), 3);
    assertNeedMore(Socks4Request::decode, bytes("04 01 0050 00000001 00"), 2);
    assertNeedMore(Socks4Request::decode, bytes("04 01 0050 00000001 00 6578"), 1);
  }

  // --- malformations ---

  @ParameterizedTest
  @ValueSource(strings = {"05", "00", "01", "47"})
  void badVn_isMalformedAtTheFirstByte(String vn) {
    assertMalformed(Socks4Request::decode, bytes(vn), Reason.BAD_VERSION, "VN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"00", "03", "04", "7f", "ef", "f2", "ff"})
  void unsupportedCd_isMalformedAtTheCdByte(String cd) {
    assertMalformed(Socks4Request::decode, bytes("04 " + cd), Reason.UNSUPPORTED_COMMAND, "CD");
  }

  @Test
  void emptySocks4aHostname_isMalformed() {
    assertMalformed(
        Socks4Request::decode, bytes("04 01 0050 00000001 00 00"), Reason.BAD_LENGTH, "HOSTNAME");
  }
}
