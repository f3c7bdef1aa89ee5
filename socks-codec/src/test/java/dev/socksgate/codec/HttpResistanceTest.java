package dev.socksgate.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The HTTP-resistance page (socks-extensions §4, Tor reference §10 (docs/tor-reference.md)), in our
 * own wording.
 */
class HttpResistanceTest {

  private static final String RESPONSE =
      new String(HttpResistance.response(), StandardCharsets.US_ASCII);

  private static String body() {
    return RESPONSE.substring(RESPONSE.indexOf("\r\n\r\n") + 4);
  }

  private static String headers() {
    return RESPONSE.substring(0, RESPONSE.indexOf("\r\n\r\n") + 2);
  }

  @Test
  void response_startsWithHttp10Status501() {
    assertTrue(RESPONSE.startsWith("HTTP/1.0 501 "), RESPONSE);
  }

  @Test
  void contentLength_matchesTheBody() {
    String expected =
        "\r\nContent-Length: " + body().getBytes(StandardCharsets.US_ASCII).length + "\r\n";
    assertTrue(headers().contains(expected), headers());
  }

  @Test
  void body_endsWithClosingHtmlAndNewlineAndNoNul() {
    assertTrue(body().endsWith("</html>\n"), body());
    byte[] all = HttpResistance.response();
    assertNotEquals(0, all[all.length - 1], "no trailing NUL, unlike Tor");
  }

  @Test
  void headers_sayConnectionCloseAndHtml() {
    assertTrue(headers().contains("\r\nConnection: close\r\n"), headers());
    assertTrue(headers().contains("\r\nContent-Type: text/html"), headers());
  }

  @Test
  void response_isPureAsciiWithCrlfHeaderLines() {
    for (byte b : HttpResistance.response()) {
      assertTrue(b > 0, "non-ASCII or NUL byte");
    }
    assertEquals(-1, headers().replace("\r\n", "").indexOf('\n'), "bare LF in the headers");
  }

  @Test
  void response_isAFreshCopyEachTime() {
    byte[] first = HttpResistance.response();
    first[0] = 'X';
    assertEquals('H', HttpResistance.response()[0]);
  }

  @Test
  void responseBuffer_isReadOnlyAndIndependent() {
    ByteBuffer a = HttpResistance.responseBuffer();
    ByteBuffer b = HttpResistance.responseBuffer();
    assertTrue(a.isReadOnly());
    assertThrows(ReadOnlyBufferException.class, () -> a.put(0, (byte) 'X'));
    a.position(a.limit());
    assertEquals(0, b.position());
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    assertArrayEquals(HttpResistance.response(), bytes);
  }
}
