package dev.socksgate.codec;

import java.util.Objects;

/**
 * The result of one incremental decoding step: a complete message, a request for more bytes, or a
 * malformation. "Need more" is a value, never an exception.
 *
 * <p>Only {@link Message} consumes input: the decoder has advanced the buffer's position by exactly
 * {@link Message#length()}. {@link NeedMore} and {@link Malformed} leave the buffer untouched.
 *
 * @param <T> the decoded message type
 */
public sealed interface Decoded<T> permits Decoded.Message, Decoded.NeedMore, Decoded.Malformed {

  /** Which of the three results this is, for exhaustive {@code switch} expressions. */
  enum Kind {
    MESSAGE,
    NEED_MORE,
    MALFORMED
  }

  /** Returns which of the three results this is. */
  Kind kind();

  /**
   * A complete message that used {@code length} bytes of input.
   *
   * @param value the decoded message
   * @param length the number of bytes the message occupied (and the decoder consumed)
   * @param <T> the decoded message type
   */
  record Message<T>(T value, int length) implements Decoded<T> {
    /** Validates the fields. */
    public Message {
      Objects.requireNonNull(value, "value");
      if (length <= 0) {
        throw new IllegalArgumentException("length must be positive: " + length);
      }
    }

    @Override
    public Kind kind() {
      return Kind.MESSAGE;
    }
  }

  /**
   * The input is a proper prefix of a message that may still be valid.
   *
   * @param atLeast a lower bound (at least 1) on the number of bytes still missing: fewer bytes can
   *     never complete the message
   * @param <T> the decoded message type
   */
  record NeedMore<T>(int atLeast) implements Decoded<T> {
    /** Validates the bound. */
    public NeedMore {
      if (atLeast < 1) {
        throw new IllegalArgumentException("atLeast must be at least 1: " + atLeast);
      }
    }

    @Override
    public Kind kind() {
      return Kind.NEED_MORE;
    }
  }

  /**
   * The input can never become a valid message, whatever follows.
   *
   * @param error what is wrong, naming the field
   * @param <T> the decoded message type
   */
  record Malformed<T>(CodecError error) implements Decoded<T> {
    /** Validates the error. */
    public Malformed {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public Kind kind() {
      return Kind.MALFORMED;
    }
  }
}
