package dev.socksgate.codec;

import static dev.socksgate.codec.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** DomainName: 1 to 255 bytes, no NUL, kept byte for byte (RFC 1928 §5, SOCKS4a). */
class DomainNameTest {

  @Test
  void oneAnd255Bytes_areAccepted() {
    assertEquals(1, DomainName.of("a").length());
    assertEquals(255, DomainName.of("a".repeat(255)).length());
  }

  @Test
  void empty_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> DomainName.of(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> DomainName.of(""));
  }

  @Test
  void of256Bytes_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> DomainName.of("a".repeat(256)));
  }

  @Test
  void nulByte_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> DomainName.of(bytes("61 00 62")));
    assertThrows(IllegalArgumentException.class, () -> DomainName.of("a\0"));
  }

  @Test
  void charAboveLatin1_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> DomainName.of("\u0100.example"));
  }

  @Test
  void everyNonNulByte_roundTripsThroughTheString() {
    byte[] all = new byte[255];
    for (int i = 0; i < 255; i++) {
      all[i] = (byte) (i + 1);
    }
    DomainName name = DomainName.of(all);
    assertArrayEquals(all, name.bytes());
    assertEquals(name, DomainName.of(name.asString()));
  }

  @Test
  void noCaseFolding_namesDifferByCase() {
    assertNotEquals(DomainName.of("Example.COM"), DomainName.of("example.com"));
  }

  @Test
  void bytes_areCopiedInAndOut() {
    byte[] raw = bytes("61 62");
    DomainName name = DomainName.of(raw);
    raw[0] = 'X';
    name.bytes()[1] = 'X';
    assertArrayEquals(bytes("61 62"), name.bytes());
  }

  @Test
  void equality_isByBytes() {
    assertEquals(DomainName.of(bytes("61 62")), DomainName.of("ab"));
    assertEquals(DomainName.of(bytes("61 62")).hashCode(), DomainName.of("ab").hashCode());
    assertEquals("ab", DomainName.of("ab").toString());
  }

  @Test
  void writeTo_putsTheRawBytesWithoutALength() {
    ByteBuffer out = ByteBuffer.allocate(3);
    DomainName.of("abc").writeTo(out);
    assertArrayEquals(bytes("61 62 63"), out.array());
  }
}
