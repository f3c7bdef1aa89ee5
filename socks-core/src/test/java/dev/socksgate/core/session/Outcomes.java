package dev.socksgate.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.testing.Hex;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Assertions on use-case outcomes. The fakes complete at once, so no test waits. */
final class Outcomes {

  private Outcomes() {}

  /** Returns the outcome, asserting that the stage completed normally and at once. */
  static <E> StreamOutcome<E> now(CompletionStage<StreamOutcome<E>> stage) {
    CompletableFuture<StreamOutcome<E>> f = stage.toCompletableFuture();
    assertTrue(f.isDone(), "the fakes complete at once");
    assertFalse(f.isCompletedExceptionally(), "the use case never completes exceptionally");
    return f.join();
  }

  /** Asserts a refusal with this failure and these reply bytes. */
  static void assertRefused(StreamFailure failure, String replyHex, StreamOutcome<?> outcome) {
    StreamOutcome.Refused<?> r = assertInstanceOf(StreamOutcome.Refused.class, outcome);
    assertEquals(failure, r.failure());
    assertReply(replyHex, outcome);
  }

  /** Asserts an answer with these reply bytes. */
  static void assertAnswered(String replyHex, StreamOutcome<?> outcome) {
    assertInstanceOf(StreamOutcome.Answered.class, outcome);
    assertReply(replyHex, outcome);
  }

  /** Asserts the reply bytes, compared as formatted hex for readable diffs. */
  static void assertReply(String replyHex, StreamOutcome<?> outcome) {
    assertBytes(replyHex, outcome.reply());
  }

  /** Asserts that a read-only buffer holds exactly these bytes. */
  static void assertBytes(String hex, ByteBuffer actual) {
    assertTrue(actual.isReadOnly(), "replies are read-only");
    assertEquals(Hex.format(Hex.bytes(hex)), Hex.format(Hex.remaining(actual)));
  }
}
