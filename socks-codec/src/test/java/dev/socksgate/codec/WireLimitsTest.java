package dev.socksgate.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The limits are asserted as numbers and against the message layouts they bound; the decoders'
 * tests show each limit at the limit and one past it.
 */
class WireLimitsTest {

  @Test
  void limits_haveTheirDocumentedValues() {
    assertEquals(255, WireLimits.MAX_DOMAIN_LENGTH);
    assertEquals(512, WireLimits.MAX_SOCKS4_REQUEST);
    assertEquals(255, WireLimits.MAX_CREDENTIAL_LENGTH);
  }

  @Test
  void messageLimits_followFromTheLayouts() {
    assertEquals(1 + 1 + 255, WireLimits.MAX_GREETING);
    assertEquals(1 + 1 + 255 + 1 + 255, WireLimits.MAX_PASSWORD_AUTH_REQUEST);
    assertEquals(4 + 1 + 255 + 2, WireLimits.MAX_SOCKS5_REQUEST);
  }

  @Test
  void maxHandshakeMessage_coversEveryMessage() {
    int max =
        Math.max(
            Math.max(WireLimits.MAX_GREETING, WireLimits.MAX_PASSWORD_AUTH_REQUEST),
            Math.max(WireLimits.MAX_SOCKS5_REQUEST, WireLimits.MAX_SOCKS4_REQUEST));
    assertEquals(max, WireLimits.MAX_HANDSHAKE_MESSAGE);
  }
}
