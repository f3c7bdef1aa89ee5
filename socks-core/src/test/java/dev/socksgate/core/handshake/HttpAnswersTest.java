package dev.socksgate.core.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.StreamFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** C Tor's status table for HTTP CONNECT failures, and the isolation value of the headers. */
class HttpAnswersTest {

  private static String text(ByteBuffer b) {
    return StandardCharsets.ISO_8859_1.decode(b.duplicate()).toString();
  }

  @Test
  void streamFailures_followTorsTable() {
    Map<StreamFailure, Integer> tor =
        Map.of(
            StreamFailure.GENERAL, 500, // MISC
            StreamFailure.RESOLVE_FAILED, 503, // RESOLVEFAILED
            StreamFailure.HOST_UNREACHABLE, 503, // NOROUTE
            StreamFailure.NETWORK_UNREACHABLE, 503, // NOROUTE
            StreamFailure.NOT_ALLOWED, 503, // EXITPOLICY
            StreamFailure.CONNECTION_REFUSED, 403, // CONNECTREFUSED
            StreamFailure.TIMED_OUT, 504, // TIMEOUT
            StreamFailure.INVALID_DESTINATION, 502, // TORPROTOCOL
            StreamFailure.PRIVATE_ADDRESS, 500); // anything else
    tor.forEach((f, status) -> assertEquals(status, HttpAnswers.status(f), f.name()));
  }

  @Test
  void everyFailure_namesItselfAndClosesWithoutTor() {
    for (StreamFailure f : StreamFailure.values()) {
      String answer = text(HttpAnswers.failure(f));
      assertTrue(answer.startsWith("HTTP/1.0 " + HttpAnswers.status(f) + " "), answer);
      assertTrue(answer.endsWith("Content-Length: 0\r\nConnection: close\r\n\r\n"), answer);
      assertFalse(answer.contains("tor/1.0"), answer);
      assertTrue(HttpAnswers.failure(f).isReadOnly());
    }
    assertEquals(
        "HTTP/1.0 504 Connection timed out",
        text(HttpAnswers.failure(StreamFailure.TIMED_OUT)).lines().findFirst().orElseThrow());
  }

  @Test
  void tunnelEstablished_isBare200() {
    assertEquals("HTTP/1.0 200 OK\r\n\r\n", text(HttpAnswers.tunnelEstablished()));
  }

  @Test
  void isolation_xTorAloneIsTorsPasswordAndTheTupleStaysDistinct() {
    Credentials.HttpIsolation legacyOnly =
        new Credentials.HttpIsolation(Optional.of("Basic a"), Optional.empty(), Optional.of("k"));
    assertTrue(
        Arrays.equals(
            "k".getBytes(StandardCharsets.ISO_8859_1),
            legacyOnly.isolationPassword().orElseThrow()));
    assertTrue(
        Arrays.equals(
            "Basic a".getBytes(StandardCharsets.ISO_8859_1),
            legacyOnly.isolationUsername().orElseThrow()));
    Credentials.HttpIsolation modern =
        new Credentials.HttpIsolation(Optional.empty(), Optional.of("k"), Optional.empty());
    assertNotEquals(
        Arrays.toString(modern.isolationPassword().orElseThrow()),
        Arrays.toString(
            new Credentials.HttpIsolation(Optional.empty(), Optional.empty(), Optional.of("k"))
                .isolationPassword()
                .orElseThrow()),
        "Tor-Stream-Isolation: k and X-Tor-Stream-Isolation: k are different keys");
    assertEquals(
        new Credentials.HttpIsolation(Optional.empty(), Optional.empty(), Optional.empty()),
        new Credentials.HttpIsolation(Optional.of(""), Optional.of(""), Optional.empty()),
        "empty values are absent");
  }

  private static Optional<Credentials.UsernamePassword> basic(String value) {
    return new Credentials.HttpIsolation(Optional.of(value), Optional.empty(), Optional.empty())
        .basic();
  }

  private static String b64(String s) {
    return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void basicCredentials_decodeAsTheClientEncodedThem() {
    Credentials.UsernamePassword up = basic("Basic " + b64("alice:right")).orElseThrow();
    assertEquals("alice", new String(up.username(), StandardCharsets.ISO_8859_1));
    assertEquals("right", new String(up.password(), StandardCharsets.ISO_8859_1));
    up = basic("bAsIc  " + b64("a:b:c")).orElseThrow();
    assertEquals("b:c", new String(up.password(), StandardCharsets.ISO_8859_1), "first colon");
    assertTrue(basic("Basic " + b64(":")).isPresent(), "empty user and password are credentials");
  }

  @Test
  void basicCredentials_otherShapesAreAbsent() {
    assertTrue(basic("Basic " + b64("nocolon")).isEmpty());
    assertTrue(basic("Basic !!!").isEmpty());
    assertTrue(basic("Basic").isEmpty());
    assertTrue(basic("Bearer " + b64("a:b")).isEmpty());
    assertTrue(basic("Basic " + b64("u".repeat(256) + ":p")).isEmpty(), "UNAME over 255");
    assertTrue(basic("Basic " + b64("u:" + "p".repeat(256))).isEmpty(), "PASSWD over 255");
    assertTrue(basic("Basic " + b64("u".repeat(255) + ":" + "p".repeat(255))).isPresent());
  }
}
