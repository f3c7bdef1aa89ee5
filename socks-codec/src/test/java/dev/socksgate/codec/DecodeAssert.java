package dev.socksgate.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Assertions for byte-vector tests. Every decode here starts at a non-zero buffer position (three
 * filler bytes come first), so position arithmetic is exercised on every vector, and every check
 * also asserts the position contract: only a message moves the position, by exactly its length.
 */
public final class DecodeAssert {

  private static final byte[] FILLER = Hex.bytes("a5 a5 a5");
  private static final byte[] EXTRA = Hex.bytes("de ad be ef 00 05 04");

  private DecodeAssert() {}

  /** Decodes all of {@code wire}; asserts a message that used every byte, and returns its value. */
  public static <T> T assertMessage(WireDecoder<T> decoder, byte[] wire) {
    Decoded<T> result = decode(decoder, wire);
    if (!(result instanceof Decoded.Message<T> m)) {
      throw new AssertionError("expected a message from " + Hex.format(wire) + ", got " + result);
    }
    assertEquals(wire.length, m.length(), "message length");
    return m.value();
  }

  /**
   * Decodes {@code wire}; asserts that it is a proper prefix asking for exactly {@code atLeast}.
   */
  public static <T> void assertNeedMore(WireDecoder<T> decoder, byte[] wire, int atLeast) {
    assertEquals(
        new Decoded.NeedMore<T>(atLeast),
        decode(decoder, wire),
        () -> "decoding " + Hex.format(wire));
  }

  /**
   * Decodes {@code wire}; asserts a malformation of this reason in this field, and that it stays
   * the same malformation whatever follows (so it was found as early as {@code wire} ends).
   */
  public static <T> CodecError assertMalformed(
      WireDecoder<T> decoder, byte[] wire, CodecError.Reason reason, String field) {
    Decoded<T> result = decode(decoder, wire);
    if (!(result instanceof Decoded.Malformed<T> bad)) {
      throw new AssertionError(
          "expected " + reason + " in " + field + " from " + Hex.format(wire) + ", got " + result);
    }
    assertEquals(reason, bad.error().reason(), () -> bad.error().describe());
    assertEquals(field, bad.error().field(), () -> bad.error().describe());
    assertEquals(
        result, decode(decoder, Hex.concat(wire, EXTRA)), "more bytes changed the verdict");
    return bad.error();
  }

  /**
   * Asserts the incremental-decoding contract for one complete, valid message:
   *
   * <ol>
   *   <li>the whole message decodes to {@code expected} and uses every byte;
   *   <li>every proper prefix is {@code NeedMore}, asking for at least 1 and no more than the bytes
   *       actually missing, and leaves the position alone;
   *   <li>feeding one byte at a time into an accumulating buffer gives the same results as decoding
   *       each prefix, and the same final message;
   *   <li>with extra bytes after it (optimistic data), the message decodes to the same value, the
   *       position stops exactly at its end and the extra bytes are untouched;
   *   <li>a direct buffer and a read-only buffer give the same result.
   * </ol>
   */
  public static <T> void assertPrefixClosed(WireDecoder<T> decoder, byte[] wire, T expected) {
    assertEquals(expected, assertMessage(decoder, wire), () -> "decoding " + Hex.format(wire));
    Decoded<T> whole = decode(decoder, wire);
    for (int i = 0; i < wire.length; i++) {
      int k = i;
      int missing = wire.length - k;
      Decoded<T> p = decode(decoder, Arrays.copyOf(wire, k));
      if (!(p instanceof Decoded.NeedMore<T> n)) {
        throw new AssertionError("prefix of " + k + " bytes of " + Hex.format(wire) + " gave " + p);
      }
      assertTrue(
          n.atLeast() >= 1 && n.atLeast() <= missing,
          () ->
              "prefix of "
                  + k
                  + " bytes asks for "
                  + n.atLeast()
                  + ", "
                  + missing
                  + " are missing: "
                  + Hex.format(wire));
    }
    assertEquals(whole, feedOneByteAtATime(decoder, wire), "byte-at-a-time feeding");
    assertOptimisticDataKept(decoder, wire, whole);
    ByteBuffer direct = ByteBuffer.allocateDirect(wire.length).put(wire).flip();
    assertEquals(whole, decoder.decode(direct), "direct buffer");
    assertEquals(whole, decoder.decode(ByteBuffer.wrap(wire).asReadOnlyBuffer()), "read-only");
  }

  /**
   * Feeds {@code wire} one byte at a time into a buffer that a caller keeps between reads (put,
   * flip, decode, compact), checks each intermediate result against decoding that prefix, and
   * returns the first result that is not {@code NeedMore}.
   */
  public static <T> Decoded<T> feedOneByteAtATime(WireDecoder<T> decoder, byte[] wire) {
    ByteBuffer acc = ByteBuffer.allocate(wire.length + 8);
    for (int i = 0; i < wire.length; i++) {
      acc.put(wire[i]).flip();
      Decoded<T> step = decoder.decode(acc);
      assertEquals(decode(decoder, Arrays.copyOf(wire, i + 1)), step, "after byte " + i);
      if (step.kind() != Decoded.Kind.NEED_MORE) {
        assertEquals(
            step.kind() == Decoded.Kind.MESSAGE ? 0 : i + 1,
            acc.remaining(),
            "bytes left in the accumulating buffer");
        return step;
      }
      assertEquals(i + 1, acc.remaining(), "NeedMore consumed input");
      acc.compact();
    }
    throw new AssertionError("never complete: " + Hex.format(wire));
  }

  private static <T> void assertOptimisticDataKept(
      WireDecoder<T> decoder, byte[] wire, Decoded<T> whole) {
    ByteBuffer in = ByteBuffer.wrap(Hex.concat(FILLER, wire, EXTRA));
    in.position(FILLER.length);
    assertEquals(whole, decoder.decode(in), "with optimistic data after the message");
    assertEquals(FILLER.length + wire.length, in.position(), "position after the message");
    byte[] rest = new byte[in.remaining()];
    in.get(rest);
    assertArrayEquals(EXTRA, rest, "optimistic data");
  }

  /**
   * Decodes {@code wire} from position 3 of a heap buffer, asserting the position contract, and
   * returns the result.
   */
  public static <T> Decoded<T> decode(WireDecoder<T> decoder, byte[] wire) {
    ByteBuffer in = ByteBuffer.wrap(Hex.concat(FILLER, wire));
    in.position(FILLER.length);
    Decoded<T> result = decoder.decode(in);
    int used = result instanceof Decoded.Message<T> m ? m.length() : 0;
    assertEquals(FILLER.length + used, in.position(), () -> "position after " + result);
    assertEquals(FILLER.length + wire.length, in.limit(), "limit");
    return result;
  }
}
