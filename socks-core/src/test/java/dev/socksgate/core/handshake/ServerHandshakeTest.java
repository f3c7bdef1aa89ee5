package dev.socksgate.core.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.testing.Hex;
import dev.socksgate.core.testing.Requests;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The engine's contract outside the byte tables: leftover, fusing, verdicts, version. */
class ServerHandshakeTest {

  private static ServerHandshake engine() {
    return new ServerHandshake(Requests.ipv4Client(), HandshakeOptions.TOR_DEFAULTS);
  }

  @Test
  void done_optimisticData_isLeftInTheBufferExactly() {
    byte[] payload = Hex.bytes("'GET / HTTP/1.0' 0d0a 0d0a 00 ff");
    ByteBuffer in =
        ByteBuffer.wrap(
            Hex.concat(Hex.bytes("05 01 00 05 01 00 03 0b 'example.com' 0050"), payload));
    ServerHandshake e = engine();
    assertInstanceOf(HandshakeStep.Send.class, e.step(in));
    HandshakeStep.Done done = assertInstanceOf(HandshakeStep.Done.class, e.step(in));
    assertEquals(payload.length, done.earlyDataLength());
    assertArrayEquals(payload, Hex.remaining(in));
  }

  @Test
  void done_noOptimisticData_leftoverZero() {
    ByteBuffer in = Hex.buffer("04 01 0050 5db8d822 00");
    HandshakeStep.Done done = assertInstanceOf(HandshakeStep.Done.class, engine().step(in));
    assertEquals(0, done.earlyDataLength());
    assertEquals(0, in.remaining());
  }

  @Test
  void step_afterDone_throws() {
    ServerHandshake e = engine();
    e.step(Hex.buffer("04 01 0050 5db8d822 00"));
    assertTrue(e.isFinished());
    assertThrows(IllegalStateException.class, () -> e.step(Hex.buffer("05 01 00")));
  }

  @Test
  void step_afterFailed_throws() {
    ServerHandshake e = engine();
    assertInstanceOf(HandshakeStep.Failed.class, e.step(Hex.buffer("ff ff")));
    assertThrows(IllegalStateException.class, () -> e.step(Hex.buffer("05 01 00")));
    assertThrows(IllegalStateException.class, () -> e.verdict(true));
  }

  @Test
  void verdict_withoutVerify_throws() {
    ServerHandshake e = engine();
    assertThrows(IllegalStateException.class, () -> e.verdict(true));
    e.step(Hex.buffer("05 01 02"));
    assertThrows(IllegalStateException.class, () -> e.verdict(false));
  }

  @Test
  void verify_requiredAuthentication_waitsForTheVerdict() {
    ServerHandshake e =
        new ServerHandshake(Requests.ipv4Client(), new HandshakeOptions(true, false));
    ByteBuffer in = Hex.buffer("05 01 02 01 01 'u' 01 'p'");
    assertInstanceOf(HandshakeStep.Send.class, e.step(in));
    HandshakeStep.Verify v = assertInstanceOf(HandshakeStep.Verify.class, e.step(in));
    assertEquals(Requests.userPass("u", "p"), v.credentials());
    assertThrows(IllegalStateException.class, () -> e.step(in));
    HandshakeStep.Send ok = assertInstanceOf(HandshakeStep.Send.class, e.verdict(true));
    assertArrayEquals(Hex.bytes("01 00"), Hex.remaining(ok.bytes()));
    assertThrows(IllegalStateException.class, () -> e.verdict(true));
  }

  @Test
  void verify_refused_failsWith0101AndIsFused() {
    ServerHandshake e =
        new ServerHandshake(Requests.ipv4Client(), new HandshakeOptions(true, false));
    ByteBuffer in = Hex.buffer("05 01 02 01 01 'u' 01 'p'");
    e.step(in);
    e.step(in);
    HandshakeStep.Failed f = assertInstanceOf(HandshakeStep.Failed.class, e.verdict(false));
    assertEquals(HandshakeError.Kind.AUTH_FAILED, f.error().kind());
    assertArrayEquals(Hex.bytes("01 01"), Hex.remaining(f.reply()));
    assertTrue(e.isFinished());
  }

  @Test
  void needMore_consumesNothing() {
    ByteBuffer in = Hex.buffer("05 01 00 05 01 00 03 0b 'exam'");
    ServerHandshake e = engine();
    e.step(in);
    int before = in.position();
    HandshakeStep.NeedMore n = assertInstanceOf(HandshakeStep.NeedMore.class, e.step(in));
    assertEquals(before, in.position());
    assertEquals(9, n.atLeast()); // 7 name bytes and 2 port bytes
  }

  @Test
  void version_followsTheProtocolRecognised() {
    ServerHandshake five = engine();
    assertEquals(0, five.version());
    five.step(Hex.buffer("05 01 00"));
    assertEquals(5, five.version());
    ServerHandshake four = engine();
    four.step(Hex.buffer("04 01 0050"));
    assertEquals(0, four.version(), "Tor parses nothing before the 8-byte header");
    four.step(Hex.buffer("04 01 0050 5db8d822"));
    assertEquals(4, four.version());
  }

  @Test
  void failedReply_unknownProtocol_isEmpty() {
    HandshakeStep.Failed f =
        assertInstanceOf(HandshakeStep.Failed.class, engine().step(Hex.buffer("16 03 01")));
    assertEquals(0, f.reply().remaining());
  }

  @Test
  void errorDetail_neverContainsClientData() {
    ServerHandshake e = engine();
    e.step(Hex.buffer("05 01 00"));
    HandshakeStep.Failed f =
        assertInstanceOf(
            HandshakeStep.Failed.class, e.step(Hex.buffer("05 01 00 03 0b 's3cr3t..com' 0050")));
    assertTrue(!f.error().detail().contains("s3cr3t"), f.error().detail());
  }
}
