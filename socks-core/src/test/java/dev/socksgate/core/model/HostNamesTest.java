package dev.socksgate.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.testing.Hex;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tor's destination rules (reference §6.3, {@code string_is_valid_dest}): strict IP literals and
 * the non-RFC host name syntax, every observed acceptance and rejection included.
 */
class HostNamesTest {

  @ParameterizedTest
  @CsvSource({
    "0.0.0.0, 00000000",
    "1.2.3.4, 01020304",
    "8.8.8.8, 08080808",
    "10.1.2.3, 0a010203",
    "255.255.255.255, ffffffff",
    "127.0.0.1, 7f000001"
  })
  void ipv4_strictDottedQuad(String literal, String hex) {
    InetAddress a = HostNames.parseLiteral(literal).orElseThrow();
    assertInstanceOf(Inet4Address.class, a);
    assertArrayEquals(Hex.bytes(hex), a.getAddress());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "01.2.3.4",
        "1.2.3.04",
        "00.0.0.0",
        "1.2.3",
        "1.2.3.4.5",
        "256.1.1.1",
        "1.2.3.256",
        "1..2.3",
        ".1.2.3",
        "1.2.3.4.",
        " 1.2.3.4",
        "1.2.3.4 ",
        "1.2.3.-1",
        "0x1.2.3.4",
        "1.2.3.4a",
        "1234.1.1.1",
        "",
        ".",
        "\u0661.2.3.4",
        "1.2.3.\uff14"
      })
  void ipv4_notStrict_noLiteral(String s) {
    assertEquals(
        Optional.empty(), HostNames.parseLiteral(s).filter(a -> a instanceof Inet4Address), s);
  }

  @ParameterizedTest
  @CsvSource({
    "'::', 00000000000000000000000000000000",
    "'::1', 00000000000000000000000000000001",
    "'1::', 00010000000000000000000000000000",
    "'2001:db8::1', 20010db8000000000000000000000001",
    "'[2001:db8::1]', 20010db8000000000000000000000001",
    "'[::1]', 00000000000000000000000000000001",
    "'2001:0DB8:0000:0000:0000:0000:0000:0001', 20010db8000000000000000000000001",
    "'1:2:3:4:5:6:7:8', 00010002000300040005000600070008",
    "'::2:3:4:5:6:7:8', 00000002000300040005000600070008",
    "'1:2:3:4:5:6:7::', 00010002000300040005000600070000",
    "'::ffff:1.2.3.4', 00000000000000000000ffff01020304",
    "'::1.2.3.4', 00000000000000000000000001020304",
    "'1:2:3:4:5:6:1.2.3.4', 00010002000300040005000601020304",
    "'fe80::1:2', fe800000000000000000000000010002"
  })
  void ipv6_bareBracketedWithIpv4TailAndGap(String literal, String hex) {
    InetAddress a = HostNames.parseLiteral(literal).orElseThrow();
    assertInstanceOf(Inet6Address.class, a, "an IPv4-mapped address stays IPv6");
    assertArrayEquals(Hex.bytes(hex), a.getAddress());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ":::",
        "1::2::3",
        "12345::",
        "g::1",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::",
        ":1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:",
        "::1.2.3.04",
        "1.2.3.4::",
        "::1.2.3",
        "1:2:3:4:5:6:7:1.2.3.4",
        "[::1",
        "::1]",
        "[[::1]]",
        "[]",
        "fe80::1%eth0",
        "::\u0661",
        "1:2",
        ":",
        "2001:db8::1::"
      })
  void ipv6_malformed_noLiteral(String s) {
    assertEquals(Optional.empty(), HostNames.parseLiteral(s), s);
  }

  /** Observed acceptances (reference §6.3) and their neighbours. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "www.example.com.",
        "a_b.example.com",
        "example.com",
        "x",
        "x-",
        "a-b-c.d_e",
        "EXAMPLE.COM",
        "8.8.8.8",
        "1.2.3.04",
        "[2001:db8::1]",
        "2001:db8::1",
        "[::1]",
        "0123456789.abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTUVWXYZ"
      })
  void validDestinations(String s) {
    assertTrue(HostNames.isValidDestination(s), s);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"\"\"\"\".com",
        "---",
        "_x.example.com",
        "-x.example.com",
        "a..b",
        "a b",
        ".",
        ".onion",
        "",
        "..",
        "a.b..",
        ".a",
        "a.-b",
        "a._b",
        "caf\u00e9.com",
        "a/b",
        "a:b",
        "a%b",
        "[example.com]",
        "[1.2.3.4]",
        "[]",
        "a\u0000b",
        "exa\u0661mple.com"
      })
  void invalidDestinations(String s) {
    assertFalse(HostNames.isValidDestination(s), s);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 63, 64, 255, 256})
  void hostnameLength_isNotJudgedHere(int length) {
    assertTrue(HostNames.isValidHostname("a".repeat(length)), "the 255-byte bound is the codec's");
  }
}
