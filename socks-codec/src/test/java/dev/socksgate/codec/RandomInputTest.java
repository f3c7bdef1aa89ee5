package dev.socksgate.codec;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.socksgate.codec.http.HttpRequestHead;
import dev.socksgate.codec.proxy.ProxyHeader;
import dev.socksgate.codec.v4.Socks4Reply;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.PasswordAuthReply;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5Request;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fuzz targets' oracle ({@link DecoderOracle}) on seeded random input, so that every plain
 * build checks the decoding contract on more than the stored fuzz inputs: pure noise, valid
 * messages with a few bytes flipped, and valid messages cut short or run on.
 */
class RandomInputTest {

  private static final long SEED = 0xF022_0001L;
  private static final int ITERATIONS = 2_000;

  @TestFactory
  Stream<DynamicTest> anyInputKeepsTheDecodingContract() {
    return Stream.of(
        oracleCase(
            "Socks4Request", w -> w::socks4Request, Socks4Request::decode, Socks4Request::toBytes),
        oracleCase("Socks4Reply", w -> w::socks4Reply, Socks4Reply::decode, Socks4Reply::toBytes),
        oracleCase(
            "Socks5Greeting",
            w -> w::socks5Greeting,
            Socks5Greeting::decode,
            Socks5Greeting::toBytes),
        oracleCase(
            "Socks5MethodSelection",
            w -> w::socks5MethodSelection,
            Socks5MethodSelection::decode,
            Socks5MethodSelection::toBytes),
        oracleCase(
            "PasswordAuthRequest",
            w -> w::passwordAuthRequest,
            PasswordAuthRequest::decode,
            PasswordAuthRequest::toBytes),
        oracleCase(
            "PasswordAuthReply",
            w -> w::passwordAuthReply,
            PasswordAuthReply::decode,
            PasswordAuthReply::toBytes),
        oracleCase(
            "Socks5Request", w -> w::socks5Request, Socks5Request::decode, Socks5Request::toBytes),
        oracleCase("Socks5Reply", w -> w::socks5Reply, Socks5Reply::decode, Socks5Reply::toBytes),
        oracleCase(
            "HttpRequestHead",
            w -> w::httpRequestHead,
            HttpRequestHead::decode,
            HttpRequestHead::toBytes),
        oracleCase(
            "ProxyHeader",
            w -> w::proxyHeader,
            ProxyHeader::decode,
            ProxyHeader::toBytes,
            DecoderOracle::checkByValue));
  }

  /** One of the oracle's entry points: exact re-encoding, or by value. */
  @FunctionalInterface
  private interface Oracle<T> {
    Decoded<T> check(byte[] data, WireDecoder<T> decoder, WireEncoder<T> encoder);
  }

  private static <T> DynamicTest oracleCase(
      String name,
      Function<RandomWire, Supplier<byte[]>> valid,
      WireDecoder<T> decoder,
      WireEncoder<T> encoder) {
    return oracleCase(name, valid, decoder, encoder, DecoderOracle::check);
  }

  private static <T> DynamicTest oracleCase(
      String name,
      Function<RandomWire, Supplier<byte[]>> valid,
      WireDecoder<T> decoder,
      WireEncoder<T> encoder,
      Oracle<T> oracle) {
    return dynamicTest(
        name,
        () -> {
          Random random = new Random(SEED);
          Supplier<byte[]> next = valid.apply(new RandomWire(random));
          for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(random, next.get());
            try {
              oracle.check(input, decoder, encoder);
            } catch (AssertionError | RuntimeException e) {
              throw new AssertionError(
                  "seed " + SEED + ", iteration " + i + ": " + Hex.format(input), e);
            }
          }
        });
  }

  private static byte[] mutate(Random random, byte[] message) {
    switch (random.nextInt(4)) {
      case 0 -> {
        byte[] noise = new byte[random.nextInt(600)];
        random.nextBytes(noise);
        return noise;
      }
      case 1 -> {
        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
          message[random.nextInt(message.length)] = (byte) random.nextInt(256);
        }
        return message;
      }
      case 2 -> {
        return Arrays.copyOf(message, random.nextInt(message.length + 1));
      }
      default -> {
        byte[] tail = new byte[random.nextInt(64)];
        random.nextBytes(tail);
        return Hex.concat(message, tail);
      }
    }
  }
}
