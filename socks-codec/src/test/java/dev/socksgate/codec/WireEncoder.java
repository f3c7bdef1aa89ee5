package dev.socksgate.codec;

/**
 * One of the codec's {@code toBytes()} methods, as a value.
 *
 * @param <T> the message type
 */
@FunctionalInterface
public interface WireEncoder<T> {

  /** Returns the message's wire bytes. */
  byte[] encode(T message);
}
