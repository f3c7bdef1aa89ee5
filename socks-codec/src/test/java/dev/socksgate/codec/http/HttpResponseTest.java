package dev.socksgate.codec.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The response heads the tunnel sends. */
class HttpResponseTest {

  private static String text(HttpResponse r) {
    return new String(r.toBytes(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void tunnelEstablished_isTheBareStatusLine() {
    assertEquals("HTTP/1.0 200 OK\r\n\r\n", text(HttpResponse.tunnelEstablished()));
  }

  @Test
  void closing_saysConnectionCloseAndAnEmptyBody() {
    assertEquals(
        "HTTP/1.0 407 Proxy Authentication Required\r\n"
            + "Proxy-Authenticate: Basic realm=\"socksgate\"\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n",
        text(
            HttpResponse.closing(
                407,
                "Proxy Authentication Required",
                List.of(HttpField.of("Proxy-Authenticate", "Basic realm=\"socksgate\"")))));
  }

  @Test
  void closingWithAPage_namesItsTypeAndLength() {
    assertEquals(
        "HTTP/1.0 405 Not an HTTP proxy\r\nContent-Type: text/html; charset=us-ascii\r\n"
            + "Content-Length: 4\r\nConnection: close\r\n\r\n<p/>",
        text(HttpResponse.closing(405, "Not an HTTP proxy", List.of(), "<p/>")));
  }

  @Test
  void keepOpen_hasAnEmptyBodyAndNoClose() {
    assertEquals(
        "HTTP/1.0 200 OK\r\nAllow: CONNECT, OPTIONS\r\nContent-Length: 0\r\n\r\n",
        text(HttpResponse.keepOpen(200, "OK", List.of(HttpField.of("Allow", "CONNECT, OPTIONS")))));
  }

  @Test
  void badValues_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> HttpResponse.closing(99, "x", List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> HttpResponse.closing(400, "a\r\nb", List.of()));
    assertThrows(IllegalArgumentException.class, () -> HttpField.of("X", "a\r\nInjected: 1"));
    assertThrows(IllegalArgumentException.class, () -> HttpField.of("Bad Name", "v"));
  }
}
