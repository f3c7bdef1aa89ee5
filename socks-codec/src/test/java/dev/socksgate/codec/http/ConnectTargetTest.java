package dev.socksgate.codec.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.socksgate.codec.CodecError;
import dev.socksgate.codec.CodecError.Reason;
import org.junit.jupiter.api.Test;

/** The CONNECT authority (RFC 9110 §9.3.6, RFC 3986 §3.2.2). */
class ConnectTargetTest {

  private static ConnectTarget valid(String authority) {
    ConnectTarget.Parsed p = ConnectTarget.parse(authority);
    if (!(p instanceof ConnectTarget.Valid v)) {
      throw new AssertionError(authority + " gave " + p);
    }
    assertEquals(authority, v.target().toAuthority(), "round trip");
    return v.target();
  }

  private static void invalid(String authority, Reason reason, String field) {
    ConnectTarget.Parsed p = ConnectTarget.parse(authority);
    assertEquals(new ConnectTarget.Invalid(new CodecError(reason, field, -1)), p, () -> authority);
  }

  @Test
  void namesIpv4AndBracketedIpv6_parse() {
    assertEquals(new ConnectTarget("example.com", false, 443), valid("example.com:443"));
    assertEquals(new ConnectTarget("127.0.0.1", false, 80), valid("127.0.0.1:80"));
    assertEquals(new ConnectTarget("::1", true, 8080), valid("[::1]:8080"));
    assertEquals(new ConnectTarget("::ffff:1.2.3.4", true, 1), valid("[::ffff:1.2.3.4]:1"));
    assertEquals(65535, valid("a:65535").port());
    assertEquals(0, valid("a:0").port(), "port 0 is the core's to refuse");
  }

  @Test
  void missingOrBadPort_isInvalid() {
    invalid("example.com", Reason.BAD_VALUE, "port");
    invalid("example.com:", Reason.BAD_VALUE, "port");
    invalid("example.com:65536", Reason.BAD_VALUE, "port");
    invalid("example.com:99999", Reason.BAD_VALUE, "port");
    invalid("example.com:123456", Reason.BAD_VALUE, "port");
    invalid("example.com:-1", Reason.BAD_VALUE, "port");
    invalid("example.com:8o", Reason.BAD_VALUE, "port");
    invalid("[::1]", Reason.BAD_VALUE, "port");
  }

  @Test
  void unclosedBracketAndBadLiterals_areInvalidHosts() {
    invalid("[::1", Reason.BAD_VALUE, "host");
    invalid("[::1:80", Reason.BAD_VALUE, "host");
    invalid("[::1]x:80", Reason.BAD_VALUE, "host");
    invalid("[]:80", Reason.BAD_VALUE, "host");
    invalid("[fe80::1%25eth0]:80", Reason.BAD_VALUE, "host");
    invalid(":80", Reason.BAD_VALUE, "host");
  }

  @Test
  void nonAsciiAndReservedCharactersInNames_areInvalid() {
    invalid("b\u00fccher.de:80", Reason.BAD_VALUE, "host");
    invalid("a/b:80", Reason.BAD_VALUE, "host");
    invalid("a@b:80", Reason.BAD_VALUE, "host");
    invalid("a:b:80", Reason.BAD_VALUE, "host");
  }

  @Test
  void hostsOver255Characters_areTooLong() {
    assertEquals(255, valid("a".repeat(255) + ":1").host().length());
    invalid("a".repeat(256) + ":1", Reason.TOO_LONG, "host");
  }

  @Test
  void constructor_validates() {
    assertThrows(IllegalArgumentException.class, () -> new ConnectTarget("", false, 1));
    assertThrows(IllegalArgumentException.class, () -> new ConnectTarget("a", false, 65536));
    assertThrows(IllegalArgumentException.class, () -> new ConnectTarget("g::1", true, 1));
  }
}
