package dev.socksgate.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.socksgate.codec.CodecError.Reason;
import org.junit.jupiter.api.Test;

/** The three decoding results and the error they carry. */
class DecodedTest {

  @Test
  void needMoreBelowOne_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Decoded.NeedMore<String>(0));
    assertEquals(Decoded.Kind.NEED_MORE, new Decoded.NeedMore<String>(1).kind());
  }

  @Test
  void messageOfNoBytesOrNoValue_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Decoded.Message<>("m", 0));
    assertThrows(NullPointerException.class, () -> new Decoded.Message<String>(null, 1));
    assertEquals(Decoded.Kind.MESSAGE, new Decoded.Message<>("m", 1).kind());
  }

  @Test
  void malformedWithoutError_isRejected() {
    assertThrows(NullPointerException.class, () -> new Decoded.Malformed<String>(null));
    assertEquals(
        Decoded.Kind.MALFORMED,
        new Decoded.Malformed<String>(new CodecError(Reason.BAD_VERSION, "VER", 4)).kind());
  }

  @Test
  void describe_namesReasonFieldAndValue() {
    assertEquals(
        "UNSUPPORTED_COMMAND in CMD (0xf2)",
        new CodecError(Reason.UNSUPPORTED_COMMAND, "CMD", 0xF2).describe());
    assertEquals("TOO_LONG in USERID", new CodecError(Reason.TOO_LONG, "USERID", -1).describe());
  }

  @Test
  void codecErrorWithoutReasonOrField_isRejected() {
    assertThrows(NullPointerException.class, () -> new CodecError(null, "VER", 0));
    assertThrows(NullPointerException.class, () -> new CodecError(Reason.BAD_VERSION, null, 0));
  }
}
