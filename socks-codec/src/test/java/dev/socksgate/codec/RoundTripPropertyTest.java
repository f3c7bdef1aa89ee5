package dev.socksgate.codec;

import static dev.socksgate.codec.DecodeAssert.assertMessage;
import static dev.socksgate.codec.DecodeAssert.assertPrefixClosed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.socksgate.codec.v4.Socks4Reply;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.PasswordAuthReply;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5Request;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property tests over random valid messages of all eight kinds, client and server direction, with
 * fixed seeds (a failure names the seed and the iteration, and replays exactly):
 *
 * <ul>
 *   <li>value → encode → decode gives an equal value that used every byte, and the encoding is
 *       prefix-closed (every prefix is NeedMore, byte-at-a-time feeding agrees, optimistic data
 *       stays);
 *   <li>wire bytes written from the grammar → decode → encode gives back the same bytes.
 * </ul>
 */
class RoundTripPropertyTest {

  private static final long SEED = 0x50C4_5EEDL;
  private static final int ITERATIONS = 300;
  // The full prefix check is quadratic in the message length; a share of the values is enough.
  private static final int PREFIX_CHECKED = 40;

  @TestFactory
  Stream<DynamicTest> valuesRoundTripThroughTheWire() {
    return Stream.of(
        valueCase(
            "Socks4Request", r -> r::socks4Request, Socks4Request::decode, Socks4Request::toBytes),
        valueCase("Socks4Reply", r -> r::socks4Reply, Socks4Reply::decode, Socks4Reply::toBytes),
        valueCase(
            "Socks5Greeting",
            r -> r::socks5Greeting,
            Socks5Greeting::decode,
            Socks5Greeting::toBytes),
        valueCase(
            "Socks5MethodSelection",
            r -> r::socks5MethodSelection,
            Socks5MethodSelection::decode,
            Socks5MethodSelection::toBytes),
        valueCase(
            "PasswordAuthRequest",
            r -> r::passwordAuthRequest,
            PasswordAuthRequest::decode,
            PasswordAuthRequest::toBytes),
        valueCase(
            "PasswordAuthReply",
            r -> r::passwordAuthReply,
            PasswordAuthReply::decode,
            PasswordAuthReply::toBytes),
        valueCase(
            "Socks5Request", r -> r::socks5Request, Socks5Request::decode, Socks5Request::toBytes),
        valueCase("Socks5Reply", r -> r::socks5Reply, Socks5Reply::decode, Socks5Reply::toBytes));
  }

  @TestFactory
  Stream<DynamicTest> wireBytesRoundTripThroughValues() {
    return Stream.of(
        wireCase(
            "Socks4Request", w -> w::socks4Request, Socks4Request::decode, Socks4Request::toBytes),
        wireCase("Socks4Reply", w -> w::socks4Reply, Socks4Reply::decode, Socks4Reply::toBytes),
        wireCase(
            "Socks5Greeting",
            w -> w::socks5Greeting,
            Socks5Greeting::decode,
            Socks5Greeting::toBytes),
        wireCase(
            "Socks5MethodSelection",
            w -> w::socks5MethodSelection,
            Socks5MethodSelection::decode,
            Socks5MethodSelection::toBytes),
        wireCase(
            "PasswordAuthRequest",
            w -> w::passwordAuthRequest,
            PasswordAuthRequest::decode,
            PasswordAuthRequest::toBytes),
        wireCase(
            "PasswordAuthReply",
            w -> w::passwordAuthReply,
            PasswordAuthReply::decode,
            PasswordAuthReply::toBytes),
        wireCase(
            "Socks5Request", w -> w::socks5Request, Socks5Request::decode, Socks5Request::toBytes),
        wireCase("Socks5Reply", w -> w::socks5Reply, Socks5Reply::decode, Socks5Reply::toBytes));
  }

  private static <T> DynamicTest valueCase(
      String name,
      Function<RandomMessages, Supplier<T>> generator,
      WireDecoder<T> decoder,
      WireEncoder<T> encoder) {
    return dynamicTest(
        name,
        () -> {
          Supplier<T> next = generator.apply(new RandomMessages(new Random(SEED)));
          for (int i = 0; i < ITERATIONS; i++) {
            T value = next.get();
            byte[] wire = encoder.encode(value);
            try {
              if (i < PREFIX_CHECKED) {
                assertPrefixClosed(decoder, wire, value);
              } else {
                assertEquals(value, assertMessage(decoder, wire));
              }
            } catch (AssertionError e) {
              throw new AssertionError(
                  "seed " + SEED + ", iteration " + i + ": " + value + " = " + Hex.format(wire), e);
            }
          }
        });
  }

  private static <T> DynamicTest wireCase(
      String name,
      Function<RandomWire, Supplier<byte[]>> generator,
      WireDecoder<T> decoder,
      WireEncoder<T> encoder) {
    return dynamicTest(
        name,
        () -> {
          Supplier<byte[]> next = generator.apply(new RandomWire(new Random(SEED + 1)));
          for (int i = 0; i < ITERATIONS; i++) {
            byte[] wire = next.get();
            T value = assertMessage(decoder, wire);
            assertArrayEquals(
                wire,
                encoder.encode(value),
                "seed " + (SEED + 1) + ", iteration " + i + ": " + Hex.format(wire));
          }
        });
  }
}
