package dev.socksgate.codec.http;

import static dev.socksgate.codec.DecodeAssert.assertMalformed;
import static dev.socksgate.codec.DecodeAssert.assertNeedMore;
import static dev.socksgate.codec.DecodeAssert.assertPrefixClosed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Byte vectors for the HTTP request head (RFC 9112 §2–§5) and its limits ({@link HttpLimits}). */
class HttpHeadDecoderTest {

  private static byte[] wire(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static HttpRequestHead head(String method, String target, int minor, HttpField... f) {
    return new HttpRequestHead(method, target, minor, List.of(f));
  }

  @Test
  void connectHttp11WithHost_decodesEveryPrefixAndByteByByte() {
    byte[] w = wire("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
    assertPrefixClosed(
        HttpRequestHead::decode,
        w,
        head("CONNECT", "example.com:443", 1, new HttpField("Host", " example.com:443")));
  }

  @Test
  void connectHttp10WithoutFields_decodes() {
    assertPrefixClosed(
        HttpRequestHead::decode,
        wire("CONNECT [::1]:80 HTTP/1.0\r\n\r\n"),
        head("CONNECT", "[::1]:80", 0));
  }

  @Test
  void fieldValues_keepWhitespaceRawAndTrimItInValue() {
    byte[] w = wire("CONNECT a:1 HTTP/1.1\r\nTor-Stream-Isolation:\t k1 \t\r\nX: \u00e9\r\n\r\n");
    HttpRequestHead h = dev.socksgate.codec.DecodeAssert.assertMessage(HttpRequestHead::decode, w);
    assertEquals(Optional.of("k1"), h.firstValue("tor-stream-isolation"));
    assertEquals("\t k1 \t", h.fields().get(0).rawValue());
    assertEquals(Optional.of("\u00e9"), h.firstValue("x"), "obs-text survives as ISO-8859-1");
    assertEquals(Hex.format(w), Hex.format(h.toBytes()));
  }

  @Test
  void duplicateFields_areKeptInOrderAndFirstValueIsTheFirst() {
    byte[] w =
        wire("CONNECT a:1 HTTP/1.1\r\nTor-Stream-Isolation: a\r\nTor-Stream-Isolation: b\r\n\r\n");
    HttpRequestHead h = dev.socksgate.codec.DecodeAssert.assertMessage(HttpRequestHead::decode, w);
    assertEquals(2, h.fields().size());
    assertEquals(Optional.of("a"), h.firstValue("Tor-Stream-Isolation"));
  }

  @Test
  void bytesAfterTheHead_stayInTheBufferAsEarlyData() {
    byte[] w = wire("CONNECT a:1 HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n");
    ByteBuffer in = ByteBuffer.wrap(w);
    Decoded<HttpRequestHead> d = HttpRequestHead.decode(in);
    assertEquals(Decoded.Kind.MESSAGE, d.kind());
    assertEquals(24, in.position());
    assertEquals("GET / HTTP/1.1\r\n", StandardCharsets.ISO_8859_1.decode(in).toString());
  }

  @Test
  void optionsThenConnect_decodeOneAfterTheOther() {
    ByteBuffer in =
        ByteBuffer.wrap(
            wire(
                "OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\nCONNECT 127.0.0.1:80 HTTP/1.0\r\n\r\n"));
    Decoded<HttpRequestHead> first = HttpRequestHead.decode(in);
    Decoded<HttpRequestHead> second = HttpRequestHead.decode(in);
    assertEquals("OPTIONS", ((Decoded.Message<HttpRequestHead>) first).value().method());
    assertEquals("127.0.0.1:80", ((Decoded.Message<HttpRequestHead>) second).value().target());
    assertTrue(!in.hasRemaining());
  }

  @Test
  void needMore_asksForTheLineEndAndTheEmptyLine() {
    assertNeedMore(HttpRequestHead::decode, wire("CONNECT a:1 HTTP/1.1"), 4);
    assertNeedMore(HttpRequestHead::decode, wire("CONNECT a:1 HTTP/1.1\r"), 3);
    assertNeedMore(HttpRequestHead::decode, wire("CONNECT a:1 HTTP/1.1\r\n"), 2);
    assertNeedMore(HttpRequestHead::decode, wire("CONNECT a:1 HTTP/1.1\r\n\r"), 1);
    assertNeedMore(HttpRequestHead::decode, wire(""), 4);
  }

  @Test
  void bareLf_isRefusedAtTheFirstOne() {
    assertMalformed(
        HttpRequestHead::decode, wire("CONNECT a:1 HTTP/1.1\n"), Reason.BAD_VALUE, "line-ending");
    assertMalformed(
        HttpRequestHead::decode,
        wire("CONNECT a:1 HTTP/1.1\r\nHost: a\n"),
        Reason.BAD_VALUE,
        "line-ending");
  }

  @Test
  void bareCr_isRefused() {
    assertMalformed(
        HttpRequestHead::decode, wire("CONNECT a:1\rX"), Reason.BAD_VALUE, "line-ending");
  }

  @Test
  void requestLineShapes_areRefused() {
    for (String bad :
        new String[] {
          "\r\n",
          "CONNECT a:1\r\n",
          "CONNECT  a:1 HTTP/1.1\r\n",
          " CONNECT a:1 HTTP/1.1\r\n",
          "CONNECT a:1 HTTP/1.1 \r\n",
          "CONN\u00c9CT a:1 HTTP/1.1\r\n",
          "CONNECT a\u00e9:1 HTTP/1.1\r\n"
        }) {
      assertMalformed(HttpRequestHead::decode, wire(bad), Reason.BAD_VALUE, "request-line");
    }
  }

  @Test
  void aSocksGreetingOrTlsHello_isRefusedAtItsFirstByte() {
    assertMalformed(
        HttpRequestHead::decode, Hex.bytes("05 01 00"), Reason.BAD_VALUE, "request-line");
    assertMalformed(
        HttpRequestHead::decode, Hex.bytes("16 03 01 02 00"), Reason.BAD_VALUE, "request-line");
    assertMalformed(HttpRequestHead::decode, wire("CONNECT\r"), Reason.BAD_VALUE, "request-line");
  }

  @Test
  void otherHttpVersions_areRefused() {
    for (String v : new String[] {"HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/1.10"}) {
      assertMalformed(
          HttpRequestHead::decode,
          wire("CONNECT a:1 " + v + "\r\n"),
          Reason.BAD_VERSION,
          "HTTP-version");
    }
  }

  @Test
  void fieldLineShapes_areRefused() {
    String rl = "CONNECT a:1 HTTP/1.1\r\n";
    for (String bad : new String[] {"Host : a\r\n", " folded\r\n", ": a\r\n", "NoColon\r\n"}) {
      assertMalformed(HttpRequestHead::decode, wire(rl + bad), Reason.BAD_VALUE, "field-line");
    }
    assertMalformed(
        HttpRequestHead::decode, wire(rl + "X: a\u0000b\r\n"), Reason.BAD_VALUE, "field-value");
    assertMalformed(
        HttpRequestHead::decode, wire(rl + "X: a\u0001\r\n"), Reason.BAD_VALUE, "field-value");
  }

  @Test
  void requestLineOverTheLimit_isTooLongAtTheFirstByteTooMany() {
    String line = "CONNECT " + "a".repeat(HttpLimits.MAX_LINE - 19) + ":1 HTTP/1.1";
    assertEquals(HttpLimits.MAX_LINE, line.length());
    assertEquals(
        Decoded.Kind.MESSAGE,
        HttpRequestHead.decode(ByteBuffer.wrap(wire(line + "\r\n\r\n"))).kind());
    assertMalformed(HttpRequestHead::decode, wire(line + "xx"), Reason.TOO_LONG, "request-line");
    assertNeedMore(HttpRequestHead::decode, wire(line + "\r"), 3);
  }

  @Test
  void fieldLineOverTheLimit_isTooLong() {
    String field = "X: " + "v".repeat(HttpLimits.MAX_LINE);
    assertMalformed(
        HttpRequestHead::decode,
        wire("CONNECT a:1 HTTP/1.1\r\n" + field),
        Reason.TOO_LONG,
        "field-line");
  }

  @Test
  void moreFieldsThanTheLimit_isTooLong() {
    StringBuilder s = new StringBuilder("CONNECT a:1 HTTP/1.1\r\n");
    s.append("X: 1\r\n".repeat(HttpLimits.MAX_FIELDS));
    assertEquals(
        Decoded.Kind.MESSAGE,
        HttpRequestHead.decode(ByteBuffer.wrap(wire(s + "\r\n"))).kind(),
        "exactly the limit is fine");
    assertMalformed(HttpRequestHead::decode, wire(s + "X: 1\r\n"), Reason.TOO_LONG, "field-count");
  }

  @Test
  void headOverTheLimit_isTooLongAndExactlyTheLimitDecodes() {
    String rl = "CONNECT a:1 HTTP/1.1\r\n";
    int room = HttpLimits.MAX_HEAD - rl.length() - 2; // two for the empty line
    StringBuilder s = new StringBuilder(rl);
    while (room > 0) {
      int len = Math.min(room, 4000);
      String f = "X: " + "v".repeat(len - 5) + "\r\n";
      s.append(f);
      room -= f.length();
    }
    byte[] exact = wire(s + "\r\n");
    assertEquals(HttpLimits.MAX_HEAD, exact.length);
    Decoded<HttpRequestHead> whole = HttpRequestHead.decode(ByteBuffer.wrap(exact));
    assertEquals(exact.length, ((Decoded.Message<HttpRequestHead>) whole).length());
    assertMalformed(HttpRequestHead::decode, wire(s + "XX"), Reason.TOO_LONG, "head");
  }

  @Test
  void oneDecoderFedAGrowingBuffer_givesTheSameAsAFreshOne() {
    byte[] w = wire("CONNECT example.com:443 HTTP/1.1\r\nHost: x\r\n\r\ntunnel");
    HttpHeadDecoder decoder = new HttpHeadDecoder();
    ByteBuffer acc = ByteBuffer.allocate(w.length);
    Decoded<HttpRequestHead> last = null;
    for (byte b : w) {
      acc.put(b).flip();
      last = decoder.decode(acc);
      if (last.kind() != Decoded.Kind.NEED_MORE) {
        break;
      }
      acc.position(acc.limit()).limit(acc.capacity());
    }
    assertEquals(HttpRequestHead.decode(ByteBuffer.wrap(w)), last);
  }
}
