package dev.socksgate.codec.v5;

import static dev.socksgate.codec.DecodeAssert.assertMalformed;
import static dev.socksgate.codec.DecodeAssert.assertNeedMore;
import static dev.socksgate.codec.DecodeAssert.assertPrefixClosed;
import static dev.socksgate.codec.Hex.bytes;
import static dev.socksgate.codec.Hex.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.WireLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The version identifier/method selection message, {@code VER NMETHODS METHODS} (RFC 1928 §3). */
class Socks5GreetingTest {

  private static void assertWire(Socks5Greeting greeting, byte[] wire) {
    assertArrayEquals(wire, greeting.toBytes(), "encoding");
    assertEquals(wire.length, greeting.encodedLength(), "encodedLength");
    assertPrefixClosed(Socks5Greeting::decode, wire, greeting);
  }

  @Test
  void noAuthOnly_decodes() {
    assertWire(Socks5Greeting.of(Socks5AuthMethod.NO_AUTH), bytes("05 01 00"));
  }

  @Test
  void noAuthAndUsernamePassword_decodes() {
    Socks5Greeting g =
        Socks5Greeting.of(Socks5AuthMethod.NO_AUTH, Socks5AuthMethod.USERNAME_PASSWORD);
    assertWire(g, bytes("05 02 00 02"));
    assertTrue(g.offers(Socks5AuthMethod.USERNAME_PASSWORD));
    assertFalse(g.offers(Socks5AuthMethod.GSSAPI));
  }

  @Test
  void unknownMethods_areKeptAsOpenValues() {
    Socks5Greeting g =
        Socks5Greeting.of(
            Socks5AuthMethod.of((byte) 0x99),
            Socks5AuthMethod.of((byte) 0x21),
            Socks5AuthMethod.of((byte) 0x10));
    assertWire(g, bytes("05 03 99 21 10"));
    assertFalse(g.methods().get(0).isKnown());
  }

  @Test
  void orderAndDuplicates_areKeptAsSent() {
    assertWire(
        Socks5Greeting.of(
            Socks5AuthMethod.USERNAME_PASSWORD,
            Socks5AuthMethod.NO_AUTH,
            Socks5AuthMethod.USERNAME_PASSWORD),
        bytes("05 03 02 00 02"));
  }

  @Test
  void nmethods255_decodesAtTheLongestGreeting() {
    List<Socks5AuthMethod> methods = new ArrayList<>();
    byte[] codes = new byte[255];
    for (int i = 0; i < 255; i++) {
      codes[i] = (byte) i;
      methods.add(Socks5AuthMethod.of((byte) i));
    }
    byte[] wire = concat(bytes("05 ff"), codes);
    assertEquals(WireLimits.MAX_GREETING, wire.length);
    assertWire(new Socks5Greeting(methods), wire);
  }

  @Test
  void nmethods0_isMalformedAtTheCountByte() {
    assertMalformed(Socks5Greeting::decode, bytes("05 00"), Reason.BAD_LENGTH, "NMETHODS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"04", "01", "00", "47"})
  void badVer_isMalformedAtTheFirstByte(String ver) {
    assertMalformed(Socks5Greeting::decode, bytes(ver), Reason.BAD_VERSION, "VER");
  }

  @Test
  void prefixes_needTheDeclaredMethods() {
    assertNeedMore(Socks5Greeting::decode, bytes(""), 3);
    assertNeedMore(Socks5Greeting::decode, bytes("05"), 2);
    assertNeedMore(Socks5Greeting::decode, bytes("05 03"), 3);
    assertNeedMore(Socks5Greeting::decode, bytes("05 03 00 02"), 1);
  }

  @Test
  void emptyOrOversizedList_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Socks5Greeting(List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Socks5Greeting(Collections.nCopies(256, Socks5AuthMethod.NO_AUTH)));
  }

  @Test
  void methodList_isCopiedAndUnmodifiable() {
    List<Socks5AuthMethod> methods = new ArrayList<>(List.of(Socks5AuthMethod.NO_AUTH));
    Socks5Greeting g = new Socks5Greeting(methods);
    methods.add(Socks5AuthMethod.GSSAPI);
    assertEquals(List.of(Socks5AuthMethod.NO_AUTH), g.methods());
    assertThrows(
        UnsupportedOperationException.class, () -> g.methods().add(Socks5AuthMethod.GSSAPI));
  }
}
