package dev.socksgate.core.port;

import dev.socksgate.core.model.StreamFailure;
import java.util.Objects;

/**
 * What an exit connector produced: an open stream, or a typed failure.
 *
 * @param <E> the adapter's stream handle
 */
public sealed interface ExitResult<E> permits ExitResult.Connected, ExitResult.Failed {

  /**
   * The stream is open; the early data has been accepted for sending.
   *
   * @param exit the adapter's handle, now owned by the caller
   * @param <E> the adapter's stream handle
   */
  record Connected<E>(E exit) implements ExitResult<E> {
    /** Validates the field. */
    public Connected {
      Objects.requireNonNull(exit, "exit");
    }
  }

  /**
   * The stream could not be opened.
   *
   * @param failure why
   * @param <E> the adapter's stream handle
   */
  record Failed<E>(StreamFailure failure) implements ExitResult<E> {
    /** Validates the field. */
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
