package dev.socksgate.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The decoding contract, checked on arbitrary input: what every decoder must do whatever bytes it
 * is given. Used by the fuzz targets ({@link DecoderFuzzTest}) and by {@link RandomInputTest}.
 *
 * <ul>
 *   <li>exactly one of the three results, never an exception;
 *   <li>{@code Message}: the position moves by exactly {@code length}, and the value re-encodes to
 *       exactly the bytes it used;
 *   <li>{@code NeedMore} and {@code Malformed}: the position does not move; {@code atLeast >= 1};
 *   <li>prefixes agree: a prefix of a message's bytes is {@code NeedMore} and asks for no more than
 *       is missing; a prefix of malformed input is {@code NeedMore} or the same malformation;
 *   <li>the buffer's kind does not matter (heap with an offset, direct).
 * </ul>
 *
 * <p>Each check decodes a constant number of prefixes, so the oracle stays linear in the input and
 * cheap enough for fuzzing.
 */
public final class DecoderOracle {

  private DecoderOracle() {}

  /** Runs every check on {@code data}; returns the result of decoding all of it. */
  public static <T> Decoded<T> check(byte[] data, WireDecoder<T> decoder, WireEncoder<T> encoder) {
    return check(data, decoder, encoder, true);
  }

  /**
   * Runs every check on {@code data}, but for a format with more than one wire form per value (the
   * PROXY header: v1 IPv6 spellings, skipped v2 TLVs, ignored v1 UNKNOWN fields) checks a message
   * by value: its re-encoding decodes, alone, to the same value and uses every byte.
   */
  public static <T> Decoded<T> checkByValue(
      byte[] data, WireDecoder<T> decoder, WireEncoder<T> encoder) {
    return check(data, decoder, encoder, false);
  }

  private static <T> Decoded<T> check(
      byte[] data, WireDecoder<T> decoder, WireEncoder<T> encoder, boolean exact) {
    Decoded<T> result = decodeAt(decoder, data, data.length);
    assertEquals(result, decodeDirect(decoder, data), "direct buffer disagrees");
    if (result instanceof Decoded.Message<T> m) {
      checkMessage(data, decoder, encoder, m, exact);
    } else if (result instanceof Decoded.NeedMore<T> n) {
      assertTrue(n.atLeast() >= 1, "atLeast " + n.atLeast());
      if (data.length > 0) {
        assertEquals(
            Decoded.Kind.NEED_MORE,
            decodeAt(decoder, data, data.length - 1).kind(),
            "a prefix of an incomplete message must be incomplete too");
      }
    } else if (result instanceof Decoded.Malformed<T> bad) {
      assertNotNull(bad.error());
      assertFalse(bad.error().field().isEmpty(), "empty field name");
      for (int k : new int[] {0, 1, data.length / 2, data.length - 1}) {
        if (k >= 0 && k < data.length) {
          Decoded<T> p = decodeAt(decoder, data, k);
          assertTrue(
              p.equals(result) || p.kind() == Decoded.Kind.NEED_MORE,
              "prefix of " + k + " bytes gave " + p + ", the whole gave " + result);
        }
      }
    } else {
      fail("no result");
    }
    return result;
  }

  private static <T> void checkMessage(
      byte[] data,
      WireDecoder<T> decoder,
      WireEncoder<T> encoder,
      Decoded.Message<T> m,
      boolean exact) {
    int length = m.length();
    assertTrue(length >= 1 && length <= data.length, "length " + length);
    byte[] used = Arrays.copyOf(data, length);
    byte[] again = encoder.encode(m.value());
    if (exact) {
      assertArrayEquals(
          used, again, () -> "re-encoding differs from the bytes used: " + Hex.format(used));
    } else {
      assertEquals(
          new Decoded.Message<>(m.value(), again.length),
          decodeAt(decoder, again, again.length),
          () -> "re-encoding decodes differently: " + Hex.format(again));
    }
    assertEquals(m, decodeAt(decoder, data, length), "the message alone decodes differently");
    for (int k : new int[] {0, 1, length / 2, length - 1}) {
      if (k < length) {
        Decoded<T> p = decodeAt(decoder, data, k);
        if (!(p instanceof Decoded.NeedMore<T> n)) {
          throw new AssertionError("prefix of " + k + " bytes gave " + p + ": " + Hex.format(used));
        }
        assertTrue(
            n.atLeast() <= length - k,
            () ->
                "prefix of "
                    + k
                    + " bytes asks for "
                    + n.atLeast()
                    + " but "
                    + (length - k)
                    + " are missing: "
                    + Hex.format(used));
      }
    }
  }

  /**
   * Decodes the first {@code length} bytes of {@code data} from a heap buffer whose position is not
   * zero, and checks the position contract.
   */
  public static <T> Decoded<T> decodeAt(WireDecoder<T> decoder, byte[] data, int length) {
    ByteBuffer in = ByteBuffer.allocate(length + 3);
    in.put(Hex.bytes("a5 a5 a5")).put(data, 0, length).flip().position(3);
    Decoded<T> result = decoder.decode(in);
    assertNotNull(result, "null result");
    int expected = 3 + (result instanceof Decoded.Message<T> m ? m.length() : 0);
    assertEquals(expected, in.position(), () -> "position after " + result);
    assertEquals(length + 3, in.limit(), "limit changed");
    return result;
  }

  private static <T> Decoded<T> decodeDirect(WireDecoder<T> decoder, byte[] data) {
    ByteBuffer in = ByteBuffer.allocateDirect(data.length).put(data).flip();
    return decoder.decode(in);
  }
}
