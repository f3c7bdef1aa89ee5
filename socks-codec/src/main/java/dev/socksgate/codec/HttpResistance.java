package dev.socksgate.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a client that speaks HTTP to a SOCKS port (Tor's HTTP-resistance, socks-extensions
 * §4, Tor reference §10 (docs/tor-reference.md)): an {@code HTTP/1.0 501} response with a short
 * HTML page saying that this is a SOCKS proxy, not an HTTP proxy. The server closes the connection
 * after sending it.
 *
 * <p>Deliberate differences from Tor's bytes: our own wording, a {@code Content-Length} and {@code
 * Connection: close} header, and no trailing NUL byte.
 */
public final class HttpResistance {

  private static final String BODY =
      "<!DOCTYPE html>\n"
          + "<html><head><title>This is a SOCKS proxy, not an HTTP proxy</title></head>\n"
          + "<body>\n"
          + "<h1>This is a SOCKS proxy, not an HTTP proxy</h1>\n"
          + "<p>Your program sent an HTTP request to a port that speaks SOCKS4, SOCKS4a and"
          + " SOCKS5.</p>\n"
          + "<p>Configure it to use this address as a SOCKS proxy (in curl:"
          + " <code>--socks5-hostname</code>; in a browser: the SOCKS host setting, version 5,"
          + " with remote DNS) instead of an HTTP or HTTPS proxy.</p>\n"
          + "</body></html>\n";

  private static final byte[] RESPONSE =
      ("HTTP/1.0 501 This is a SOCKS proxy, not an HTTP proxy\r\n"
              + "Content-Type: text/html; charset=us-ascii\r\n"
              + "Content-Length: "
              + BODY.length()
              + "\r\n"
              + "Connection: close\r\n"
              + "\r\n"
              + BODY)
          .getBytes(StandardCharsets.US_ASCII);

  private HttpResistance() {}

  /** Returns the whole response, status line to the end of the page, as a new array. */
  public static byte[] response() {
    return RESPONSE.clone();
  }

  /** Returns the response as a new read-only buffer positioned at its start. */
  public static ByteBuffer responseBuffer() {
    return ByteBuffer.wrap(RESPONSE).asReadOnlyBuffer();
  }
}
