package dev.socksgate.codec;

import static dev.socksgate.codec.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.codec.ProtocolDetector.Detected;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** First-byte dispatch as Tor's parse_socks does it (Tor reference §2 (docs/tor-reference.md)). */
class ProtocolDetectorTest {

  private static Detected detect(byte[] wire) {
    ByteBuffer in = ByteBuffer.wrap(Hex.concat(bytes("ff ff"), wire));
    in.position(2);
    Detected d = ProtocolDetector.detect(in);
    assertEquals(2, in.position(), "position moved");
    assertEquals(2 + wire.length, in.limit(), "limit moved");
    return d;
  }

  @Test
  void noByteOrOneByte_needsMore() {
    assertEquals(Detected.NEED_MORE, detect(bytes("")));
    assertEquals(Detected.NEED_MORE, detect(bytes("05")));
    assertEquals(Detected.NEED_MORE, detect(bytes("04")));
    assertEquals(Detected.NEED_MORE, detect(bytes("47")), "a lone G waits, as in Tor");
  }

  @Test
  void version04_isSocks4() {
    assertEquals(Detected.SOCKS4, detect(bytes("04 01")));
  }

  @Test
  void version05_isSocks5() {
    assertEquals(Detected.SOCKS5, detect(bytes("05 01")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /", "HEAD ", "POST ", "PUT /", "CONNECT ", "GE"})
  void httpMethods_areHttp(String request) {
    assertEquals(Detected.HTTP, detect(Hex.ascii(request)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"00 00", "01 00", "06 01", "ff ff", "16 03", "4f 50", "67 65", "63 6f"})
  void anythingElse_isUnknown(String first) {
    // 01 (RFC 1929) first is unknown here: Tor accepts it only after a SOCKS5 negotiation.
    // "OP"(TIONS) and lowercase "ge"/"co" are not HTTP-resistance triggers either.
    assertEquals(Detected.UNKNOWN, detect(bytes(first)));
  }

  @Test
  void verdict_usesOnlyTheFirstByte() {
    for (int second = 0; second < 256; second++) {
      assertEquals(Detected.SOCKS5, detect(new byte[] {5, (byte) second}));
    }
  }
}
