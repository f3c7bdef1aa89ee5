package dev.socksgate.codec.v4;

import static dev.socksgate.codec.DecodeAssert.assertMalformed;
import static dev.socksgate.codec.DecodeAssert.assertNeedMore;
import static dev.socksgate.codec.DecodeAssert.assertPrefixClosed;
import static dev.socksgate.codec.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.SocksAddress;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SOCKS4 reply, {@code VN=00 CD DSTPORT DSTIP} (Tor reference §3 (docs/tor-reference.md)), both
 * directions.
 */
class Socks4ReplyTest {

  private static Inet4Address ip(int a, int b, int c, int d) {
    return SocksAddress.ipv4(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}).address();
  }

  private static void assertWire(Socks4Reply reply, byte[] wire) {
    assertArrayEquals(wire, reply.toBytes(), "toBytes");
    ByteBuffer out = ByteBuffer.allocate(Socks4Reply.LENGTH);
    reply.encode(out);
    assertArrayEquals(wire, out.array(), "encode");
    assertPrefixClosed(Socks4Reply::decode, wire, reply);
  }

  @Test
  void granted_isTorsS4ok() {
    assertWire(Socks4Reply.granted(), bytes("00 5a 0000 00000000"));
    assertTrue(Socks4Reply.granted().status().isGranted());
  }

  @Test
  void rejected_isTorsS4rej() {
    assertWire(Socks4Reply.rejected(), bytes("00 5b 0000 00000000"));
    assertFalse(Socks4Reply.rejected().status().isGranted());
  }

  @Test
  void resolved_carriesTheAnswerInDstip() {
    assertWire(Socks4Reply.resolved(ip(10, 1, 2, 3)), bytes("00 5a 0000 0a010203"));
  }

  @Test
  void identdCodes5cAnd5d_roundTrip() {
    assertWire(
        new Socks4Reply(Socks4ReplyCode.NO_IDENTD, 0, ip(0, 0, 0, 0)),
        bytes("00 5c 0000 00000000"));
    assertWire(
        new Socks4Reply(Socks4ReplyCode.IDENTD_MISMATCH, 0, ip(0, 0, 0, 0)),
        bytes("00 5d 0000 00000000"));
  }

  @Test
  void portAndAddress_roundTrip() {
    assertWire(
        new Socks4Reply(Socks4ReplyCode.GRANTED, 65535, ip(192, 0, 2, 1)),
        bytes("00 5a ffff c0000201"));
  }

  @Test
  void unknownCd_decodesAsAnOpenValue() {
    Socks4Reply r = new Socks4Reply(Socks4ReplyCode.of((byte) 0x42), 0, ip(0, 0, 0, 0));
    assertWire(r, bytes("00 42 0000 00000000"));
    assertFalse(r.status().isKnown());
  }

  @ParameterizedTest
  @ValueSource(strings = {"04", "05", "01", "ff"})
  void nonZeroVn_isMalformedAtTheFirstByte(String vn) {
    assertMalformed(Socks4Reply::decode, bytes(vn), Reason.BAD_VERSION, "VN");
  }

  @Test
  void prefixes_needTheRestOfTheEightBytes() {
    assertNeedMore(Socks4Reply::decode, bytes(""), 8);
    assertNeedMore(Socks4Reply::decode, bytes("00"), 7);
    assertNeedMore(Socks4Reply::decode, bytes("00 5a 0000 000000"), 1);
  }

  @Test
  void portOutOfRange_isRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Socks4Reply(Socks4ReplyCode.GRANTED, -1, ip(0, 0, 0, 0)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Socks4Reply(Socks4ReplyCode.GRANTED, 65536, ip(0, 0, 0, 0)));
  }

  @Test
  void equalFields_makeEqualReplies() {
    assertEquals(
        Socks4Reply.granted(), new Socks4Reply(Socks4ReplyCode.of((byte) 0x5a), 0, ip(0, 0, 0, 0)));
  }
}
