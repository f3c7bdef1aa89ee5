package dev.socksgate.app.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void matches_onlyTheRightPassword() {
    PasswordHash h = PasswordHash.create("correct horse".toCharArray(), 1000);
    assertTrue(h.matches("correct horse".toCharArray()));
    assertFalse(h.matches("correct horsf".toCharArray()));
    assertFalse(h.matches(new char[0]));
  }

  @Test
  void format_parse_roundTrips() {
    PasswordHash h = PasswordHash.create("pw".toCharArray(), 1000);
    assertEquals(h, PasswordHash.parse(h.format()));
    assertTrue(h.format().startsWith("pbkdf2-sha512:1000:"));
  }

  @Test
  void sameMaterial_differentSalt() {
    assertNotEquals(
        PasswordHash.create("pw".toCharArray(), 1000).format(),
        PasswordHash.create("pw".toCharArray(), 1000).format());
  }

  @Test
  void malformed_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("md5:xyz"));
    assertThrows(
        IllegalArgumentException.class,
        () -> PasswordHash.parse("pbkdf2-sha512:0:AAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA"));
    assertThrows(
        IllegalArgumentException.class,
        () -> PasswordHash.parse("pbkdf2-sha512:99999999999:AAAA:AAAA"));
    assertThrows(
        IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha512:1000:!!:AAAA"));
  }

  @Test
  void toString_showsNoMaterial() {
    PasswordHash h = PasswordHash.create("pw".toCharArray(), 1000);
    assertEquals("PasswordHash[pbkdf2-sha512, iterations=1000]", h.toString());
  }
}
