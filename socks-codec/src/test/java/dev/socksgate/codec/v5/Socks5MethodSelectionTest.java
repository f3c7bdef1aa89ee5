package dev.socksgate.codec.v5;

import static dev.socksgate.codec.DecodeAssert.assertMalformed;
import static dev.socksgate.codec.DecodeAssert.assertNeedMore;
import static dev.socksgate.codec.DecodeAssert.assertPrefixClosed;
import static dev.socksgate.codec.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.socksgate.codec.CodecError.Reason;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's METHOD selection message, {@code VER METHOD} (RFC 1928 §3). */
class Socks5MethodSelectionTest {

  private static void assertWire(Socks5MethodSelection selection, byte[] wire) {
    assertArrayEquals(wire, selection.toBytes(), "toBytes");
    ByteBuffer out = ByteBuffer.allocate(wire.length);
    selection.encode(out);
    assertArrayEquals(wire, out.array(), "encode");
    assertPrefixClosed(Socks5MethodSelection::decode, wire, selection);
  }

  @Test
  void noAuth_isTwoBytes() {
    assertWire(new Socks5MethodSelection(Socks5AuthMethod.NO_AUTH), bytes("05 00"));
  }

  @Test
  void usernamePassword_isTwoBytes() {
    assertWire(new Socks5MethodSelection(Socks5AuthMethod.USERNAME_PASSWORD), bytes("05 02"));
  }

  @Test
  void noAcceptableMethods_isFf() {
    assertWire(new Socks5MethodSelection(Socks5AuthMethod.NO_ACCEPTABLE), bytes("05 ff"));
  }

  @Test
  void gssapiAndUnknownMethods_decodeAsOpenValues() {
    assertWire(new Socks5MethodSelection(Socks5AuthMethod.GSSAPI), bytes("05 01"));
    assertWire(new Socks5MethodSelection(Socks5AuthMethod.of((byte) 0x80)), bytes("05 80"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"04", "01", "00"})
  void badVer_isMalformedAtTheFirstByte(String ver) {
    assertMalformed(Socks5MethodSelection::decode, bytes(ver), Reason.BAD_VERSION, "VER");
  }

  @Test
  void prefixes_needTheRest() {
    assertNeedMore(Socks5MethodSelection::decode, bytes(""), 2);
    assertNeedMore(Socks5MethodSelection::decode, bytes("05"), 1);
  }

  @Test
  void nullMethod_isRejected() {
    assertThrows(NullPointerException.class, () -> new Socks5MethodSelection(null));
  }
}
