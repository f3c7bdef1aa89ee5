package dev.socksgate.codec;

import java.nio.ByteBuffer;

/**
 * One of the codec's static {@code decode(ByteBuffer)} methods, as a value, so that the shared
 * contract checks can run against every decoder ({@code Socks5Request::decode}, ...).
 *
 * @param <T> the decoded message type
 */
@FunctionalInterface
public interface WireDecoder<T> {

  /** Decodes from the buffer's position, as the codec's decoders do. */
  Decoded<T> decode(ByteBuffer in);
}
