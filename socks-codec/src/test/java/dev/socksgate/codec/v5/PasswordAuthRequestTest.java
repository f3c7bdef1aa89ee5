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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.WireLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RFC 1929 username/password request, {@code VER ULEN UNAME PLEN PASSWD}. Empty fields are
 * accepted, as Tor accepts them (Tor reference §5 (docs/tor-reference.md)); the bytes are opaque.
 */
class PasswordAuthRequestTest {

  private static void assertWire(PasswordAuthRequest request, byte[] wire) {
    assertArrayEquals(wire, request.toBytes(), "encoding");
    assertEquals(wire.length, request.encodedLength(), "encodedLength");
    assertPrefixClosed(PasswordAuthRequest::decode, wire, request);
  }

  @Test
  void userAndPassword_decode() {
    assertWire(
        new PasswordAuthRequest(ascii("user"), ascii("pass")), bytes("01 04 75736572 04 70617373"));
  }

  @Test
  void emptyUsernameAndPassword_decode() {
    assertWire(new PasswordAuthRequest(new byte[0], new byte[0]), bytes("01 00 00"));
  }

  @Test
  void emptyPasswordOnly_decodes() {
    assertWire(new PasswordAuthRequest(ascii("u"), new byte[0]), bytes("01 01 75 00"));
  }

  @Test
  void fieldsOf255Bytes_decodeAtTheLongestMessage() {
    byte[] wire = concat(bytes("01 ff"), repeat('u', 255), bytes("ff"), repeat('p', 255));
    assertEquals(WireLimits.MAX_PASSWORD_AUTH_REQUEST, wire.length);
    assertWire(new PasswordAuthRequest(repeat('u', 255), repeat('p', 255)), wire);
  }

  @Test
  void nulAndHighBytes_areOpaque() {
    assertWire(new PasswordAuthRequest(bytes("00 ff"), bytes("00")), bytes("01 02 00ff 01 00"));
  }

  @Test
  void torIsolationPrefix_isJustBytesHere() {
    // Proposal 351's <torS0X> check is server policy, not syntax.
    assertWire(
        new PasswordAuthRequest(ascii("<torS0X>1"), ascii("x")),
        concat(bytes("01 09"), ascii("<torS0X>1"), bytes("01 78")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"05", "02", "00", "ff"})
  void badVer_isMalformedAtTheFirstByte(String ver) {
    assertMalformed(PasswordAuthRequest::decode, bytes(ver), Reason.BAD_VERSION, "VER");
  }

  @Test
  void prefixes_needTheDeclaredFields() {
    assertNeedMore(PasswordAuthRequest::decode, bytes(""), 3);
    assertNeedMore(PasswordAuthRequest::decode, bytes("01"), 2);
    assertNeedMore(PasswordAuthRequest::decode, bytes("01 04"), 5);
    assertNeedMore(PasswordAuthRequest::decode, bytes("01 04 75736572"), 1);
    assertNeedMore(PasswordAuthRequest::decode, bytes("01 04 75736572 04"), 4);
    assertNeedMore(PasswordAuthRequest::decode, bytes("01 04 75736572 04 706173"), 1);
  }

  @Test
  void fieldOf256Bytes_isRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> new PasswordAuthRequest(new byte[256], new byte[0]));
    assertThrows(
        IllegalArgumentException.class, () -> new PasswordAuthRequest(new byte[0], new byte[256]));
  }

  @Test
  void byteArrays_areCopiedInAndOut() {
    byte[] user = ascii("user");
    byte[] pass = ascii("pass");
    PasswordAuthRequest r = new PasswordAuthRequest(user, pass);
    user[0] = 'X';
    pass[0] = 'X';
    r.username()[1] = 'X';
    r.password()[1] = 'X';
    assertArrayEquals(ascii("user"), r.username());
    assertArrayEquals(ascii("pass"), r.password());
  }

  @Test
  void equality_isByContent() {
    assertEquals(
        new PasswordAuthRequest(ascii("u"), ascii("p")),
        new PasswordAuthRequest(ascii("u"), ascii("p")));
    assertEquals(
        new PasswordAuthRequest(ascii("u"), ascii("p")).hashCode(),
        new PasswordAuthRequest(ascii("u"), ascii("p")).hashCode());
    assertNotEquals(
        new PasswordAuthRequest(ascii("u"), ascii("p")),
        new PasswordAuthRequest(ascii("u"), ascii("q")));
    // "ab"/"" and "a"/"b" concatenate alike; they must still differ.
    assertNotEquals(
        new PasswordAuthRequest(ascii("ab"), new byte[0]),
        new PasswordAuthRequest(ascii("a"), ascii("b")));
  }

  @Test
  void toString_neverShowsThePasswordOrUsername() {
    String s = new PasswordAuthRequest(ascii("alice-secret-id"), ascii("hunter2-pw")).toString();
    assertFalse(s.contains("hunter2"), s);
    assertFalse(s.contains("alice"), s);
    assertTrue(s.contains("redacted"), s);
  }
}
