package dev.socksgate.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.testing.Requests;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Credentials: redaction, value semantics, copies, Tor's isolation view (reference §13). */
class CredentialsTest {

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void toString_redactsEveryShape() {
    String up = Requests.userPass("alice", "s3cret").toString();
    String id = Requests.userId("bob-id").toString();
    for (String shown : new String[] {up, id}) {
      assertFalse(
          shown.contains("alice") || shown.contains("s3cret") || shown.contains("bob"), shown);
      assertTrue(shown.contains("redacted"), shown);
    }
  }

  @Test
  void equality_byContent() {
    assertEquals(Requests.userPass("a", "b"), Requests.userPass("a", "b"));
    assertEquals(Requests.userPass("a", "b").hashCode(), Requests.userPass("a", "b").hashCode());
    assertNotEquals(Requests.userPass("a", "b"), Requests.userPass("a", "c"));
    assertNotEquals(Requests.userPass("ab", ""), Requests.userPass("a", "b"));
    assertEquals(Requests.userId("me"), Requests.userId("me"));
    assertNotEquals(Requests.userId("me"), Requests.userPass("me", ""));
  }

  @Test
  void arrays_copiedInAndOut() {
    byte[] user = ascii("alice");
    Credentials.UsernamePassword c = new Credentials.UsernamePassword(user, ascii("pw"));
    user[0] = 'X';
    c.username()[1] = 'Y';
    assertArrayEquals(ascii("alice"), c.username());
    byte[] id = ascii("me");
    Credentials.Socks4UserId s4 = new Credentials.Socks4UserId(id);
    id[0] = 'X';
    s4.userId()[0] = 'Y';
    assertArrayEquals(ascii("me"), s4.userId());
  }

  @Test
  void validation() {
    assertThrows(IllegalArgumentException.class, () -> new Credentials.Socks4UserId(new byte[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Credentials.UsernamePassword(new byte[256], new byte[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Credentials.UsernamePassword(new byte[0], new byte[256]));
    new Credentials.UsernamePassword(new byte[255], new byte[255]);
  }

  @Test
  void isolationView_emptyIsAbsent_socks4IdIsAUsernameWithoutPassword() {
    assertEquals(Optional.empty(), Credentials.NONE.isolationUsername());
    assertEquals(Optional.empty(), Credentials.NONE.isolationPassword());
    Credentials empty = Requests.userPass("", "");
    assertEquals(Optional.empty(), empty.isolationUsername());
    assertEquals(Optional.empty(), empty.isolationPassword());
    Credentials id = Requests.userId("me");
    assertArrayEquals(ascii("me"), id.isolationUsername().orElseThrow());
    assertEquals(Optional.empty(), id.isolationPassword());
    Credentials up = Requests.userPass("", "pw");
    assertEquals(Optional.empty(), up.isolationUsername());
    assertArrayEquals(ascii("pw"), up.isolationPassword().orElseThrow());
  }
}
