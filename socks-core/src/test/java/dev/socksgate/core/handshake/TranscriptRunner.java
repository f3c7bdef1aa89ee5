package dev.socksgate.core.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.socksgate.core.testing.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Plays a {@link Transcript} against a fresh {@link ServerHandshake} in three ways:
 *
 * <ul>
 *   <li>{@link Mode#PER_MESSAGE}: one write per client message; after each, the server must have
 *       sent exactly the replies expected so far;
 *   <li>{@link Mode#BYTE_BY_BYTE}: one byte per write; a reply must appear exactly when the last
 *       byte of its message arrives, never earlier;
 *   <li>{@link Mode#COALESCED}: the whole client side in one write; the server must send every
 *       expected reply, in order (Tor would send only the last: Tor reference §1
 *       (docs/tor-reference.md)).
 * </ul>
 *
 * <p>Every mode also checks the engine's contract: "need more" consumes nothing; no reply or
 * request completes before the byte count a "need more" promised; Done's leftover is what remains
 * in the buffer; the engine is fused afterwards.
 */
final class TranscriptRunner {

  /** How the client's bytes are cut into writes. */
  enum Mode {
    PER_MESSAGE,
    BYTE_BY_BYTE,
    COALESCED
  }

  private TranscriptRunner() {}

  private static final ThreadLocal<List<Transcript>> COLLECTING = new ThreadLocal<>();

  /**
   * Runs {@code suite} (which calls {@link #tests}) and returns the scenarios it passed there
   * instead of turning them into tests: how {@code ClientServerRoundTripTest} reuses every suite.
   */
  static List<Transcript> collect(Runnable suite) {
    List<Transcript> sink = new java.util.ArrayList<>();
    COLLECTING.set(sink);
    try {
      suite.run();
    } finally {
      COLLECTING.remove();
    }
    return sink;
  }

  /** Returns one container per scenario, each with one test per mode. */
  static Stream<DynamicNode> tests(List<Transcript> scenarios) {
    List<Transcript> sink = COLLECTING.get();
    if (sink != null) {
      sink.addAll(scenarios);
      return Stream.empty();
    }
    return scenarios.stream()
        .map(
            t ->
                DynamicContainer.dynamicContainer(
                    t.name,
                    Arrays.stream(Mode.values())
                        .map(
                            m ->
                                DynamicTest.dynamicTest(
                                    m.name().toLowerCase(java.util.Locale.ROOT),
                                    () -> run(t, m)))));
  }

  /** Plays {@code t} in {@code mode} and checks every expectation. */
  static void run(Transcript t, Mode mode) {
    Session s = new Session(t);
    switch (mode) {
      case PER_MESSAGE -> perMessage(t, s);
      case BYTE_BY_BYTE -> byteByByte(t, s);
      case COALESCED -> {
        s.feed(t.allClientBytes());
        assertSent(t.serverBytesThrough(t.exchanges.size()), s, "after the only write");
      }
    }
    checkEnd(t, s);
  }

  private static void perMessage(Transcript t, Session s) {
    for (int i = 0; i < t.exchanges.size(); i++) {
      assertFalse(s.engine.isFinished(), "finished before message " + (i + 1));
      boolean last = i == t.exchanges.size() - 1;
      byte[] write = t.exchanges.get(i).client();
      s.feed(last ? Hex.concat(write, t.trailing) : write);
      assertSent(t.serverBytesThrough(i + 1), s, "after message " + (i + 1));
    }
  }

  private static void byteByByte(Transcript t, Session s) {
    for (int i = 0; i < t.exchanges.size(); i++) {
      byte[] message = t.exchanges.get(i).client();
      for (int j = 0; j < message.length; j++) {
        if (s.engine.isFinished()) {
          fail("finished early: message " + (i + 1) + ", byte " + j + " of " + message.length);
        }
        s.feed(new byte[] {message[j]});
        boolean lastByte = j == message.length - 1;
        assertSent(
            t.serverBytesThrough(lastByte ? i + 1 : i),
            s,
            "after byte " + (j + 1) + " of message " + (i + 1));
      }
    }
    if (t.end == Transcript.End.DONE) {
      s.append(t.trailing); // optimistic data arriving after the request; the engine is done
    }
  }

  private static void checkEnd(Transcript t, Session s) {
    switch (t.end) {
      case DONE -> {
        HandshakeStep.Done done = assertInstanceOf(HandshakeStep.Done.class, s.last, t.name);
        assertEquals(t.request, done.request());
        assertEquals(
            Hex.format(t.trailing),
            Hex.format(s.remaining()),
            "optimistic data left in the buffer");
        assertFused(s);
      }
      case FAILED -> {
        HandshakeStep.Failed failed = assertInstanceOf(HandshakeStep.Failed.class, s.last, t.name);
        assertEquals(t.error, failed.error().kind(), failed.error().detail());
        assertTrue(failed.reply().isReadOnly(), "reply must be read-only");
        assertFused(s);
      }
      case NEED_MORE -> {
        assertInstanceOf(HandshakeStep.NeedMore.class, s.last, t.name);
        assertFalse(s.engine.isFinished());
      }
    }
  }

  private static void assertFused(Session s) {
    assertTrue(s.engine.isFinished());
    assertThrows(IllegalStateException.class, () -> s.engine.step(ByteBuffer.wrap(s.data)));
    assertThrows(IllegalStateException.class, () -> s.engine.verdict(true));
  }

  private static void assertSent(byte[] expected, Session s, String when) {
    assertEquals(Hex.format(expected), Hex.format(s.out.toByteArray()), "server bytes " + when);
  }

  /** One engine, its input buffer and everything it sent. */
  private static final class Session {
    final Transcript t;
    final ServerHandshake engine;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] data = new byte[0];
    int pos;
    long fed;
    long completionBound;
    HandshakeStep last;

    Session(Transcript t) {
      this.t = t;
      this.engine = new ServerHandshake(t.client, t.options);
    }

    void append(byte[] bytes) {
      data = Hex.concat(Arrays.copyOfRange(data, pos, data.length), bytes);
      pos = 0;
      fed += bytes.length;
    }

    byte[] remaining() {
      return Arrays.copyOfRange(data, pos, data.length);
    }

    void feed(byte[] bytes) {
      append(bytes);
      pump();
    }

    /** Calls the engine until it needs more input or finishes, as a transport would. */
    private void pump() {
      while (!engine.isFinished()) {
        ByteBuffer in = ByteBuffer.wrap(data).asReadOnlyBuffer();
        in.position(pos);
        HandshakeStep step = engine.step(in);
        boolean consumed = in.position() != pos;
        pos = in.position();
        if (step instanceof HandshakeStep.Verify v) {
          step = verdict(v, in);
        }
        last = step;
        if (step instanceof HandshakeStep.NeedMore n) {
          assertFalse(consumed, "NeedMore consumed input");
          completionBound = fed + n.atLeast();
          return;
        }
        if (step instanceof HandshakeStep.Failed f) {
          out.writeBytes(Hex.remaining(f.reply()));
          return;
        }
        assertTrue(
            fed >= completionBound,
            "completed before the promised " + completionBound + " bytes (fed " + fed + ")");
        completionBound = 0;
        if (step instanceof HandshakeStep.Done d) {
          assertEquals(data.length - pos, d.earlyDataLength(), "Done.leftover");
          return;
        }
        HandshakeStep.Send send = (HandshakeStep.Send) step;
        assertTrue(send.bytes().isReadOnly(), "Send bytes must be read-only");
        out.writeBytes(Hex.remaining(send.bytes()));
      }
    }

    private HandshakeStep verdict(HandshakeStep.Verify v, ByteBuffer in) {
      assertNotNull(t.authenticator, "unexpected Verify in " + t.name);
      assertThrows(
          IllegalStateException.class, () -> engine.step(in), "step while a verdict is awaited");
      return engine.verdict(t.authenticator.test(v.credentials()));
    }
  }
}
