package dev.socksgate.codec.v5;

import static dev.socksgate.codec.DecodeAssert.assertMalformed;
import static dev.socksgate.codec.DecodeAssert.assertNeedMore;
import static dev.socksgate.codec.DecodeAssert.assertPrefixClosed;
import static dev.socksgate.codec.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.CodecError.Reason;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RFC 1929 status reply, {@code VER=01 STATUS}. */
class PasswordAuthReplyTest {

  private static void assertWire(PasswordAuthReply reply, byte[] wire) {
    assertArrayEquals(wire, reply.toBytes(), "toBytes");
    ByteBuffer out = ByteBuffer.allocate(wire.length);
    reply.encode(out);
    assertArrayEquals(wire, out.array(), "encode");
    assertPrefixClosed(PasswordAuthReply::decode, wire, reply);
  }

  @Test
  void success_is0100() {
    assertWire(PasswordAuthReply.SUCCESS, bytes("01 00"));
    assertTrue(PasswordAuthReply.SUCCESS.isSuccess());
  }

  @Test
  void failure_is0101() {
    assertWire(PasswordAuthReply.FAILURE, bytes("01 01"));
    assertFalse(PasswordAuthReply.FAILURE.isSuccess());
  }

  @Test
  void anyNonZeroStatus_isFailure() {
    PasswordAuthReply r = new PasswordAuthReply((byte) 0xFF);
    assertWire(r, bytes("01 ff"));
    assertFalse(r.isSuccess());
  }

  @ParameterizedTest
  @ValueSource(strings = {"05", "00", "02"})
  void badVer_isMalformedAtTheFirstByte(String ver) {
    assertMalformed(PasswordAuthReply::decode, bytes(ver), Reason.BAD_VERSION, "VER");
  }

  @Test
  void prefixes_needTheRest() {
    assertNeedMore(PasswordAuthReply::decode, bytes(""), 2);
    assertNeedMore(PasswordAuthReply::decode, bytes("01"), 1);
  }
}
