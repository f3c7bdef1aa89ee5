package dev.socksgate.core.session;

import dev.socksgate.core.model.StreamFailure;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What became of a request: relay through an open exit, an answer and close, or a refusal and
 * close. Every outcome carries the exact reply bytes (a read-only buffer) to send first.
 *
 * @param <E> the exit adapter's stream handle
 */
public sealed interface StreamOutcome<E>
    permits StreamOutcome.Relay, StreamOutcome.Answered, StreamOutcome.Refused {

  /** Returns the reply to send to the client. */
  ByteBuffer reply();

  /**
   * CONNECT succeeded: send the reply, then relay between client and {@code exit}.
   *
   * @param exit the open stream, owned by the caller from now on
   * @param reply the success reply
   * @param <E> the exit adapter's stream handle
   */
  record Relay<E>(E exit, ByteBuffer reply) implements StreamOutcome<E> {
    /** Validates the fields. */
    public Relay {
      Objects.requireNonNull(exit, "exit");
      Objects.requireNonNull(reply, "reply");
    }
  }

  /**
   * RESOLVE or RESOLVE_PTR answered: send the reply, then close.
   *
   * @param reply the answer
   * @param <E> the exit adapter's stream handle
   */
  record Answered<E>(ByteBuffer reply) implements StreamOutcome<E> {
    /** Validates the field. */
    public Answered {
      Objects.requireNonNull(reply, "reply");
    }
  }

  /**
   * The request failed: send the reply, then close.
   *
   * @param failure why
   * @param reply the failure reply
   * @param <E> the exit adapter's stream handle
   */
  record Refused<E>(StreamFailure failure, ByteBuffer reply) implements StreamOutcome<E> {
    /** Validates the fields. */
    public Refused {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(reply, "reply");
    }
  }
}
