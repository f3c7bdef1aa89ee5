package dev.socksgate.core.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.testing.Hex;
import dev.socksgate.core.testing.Requests;
import dev.socksgate.core.testing.Vectors;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The single failure → REP mapping (Tor reference §9 table, §6.2) and the reply shapes. */
class ReplyCodesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "GENERAL, 01",
      "PRIVATE_ADDRESS, 01",
      "INVALID_DESTINATION, 01",
      "INVALID_ONION_ADDRESS, 01",
      "NOT_ALLOWED, 02",
      "NETWORK_UNREACHABLE, 03",
      "HOST_UNREACHABLE, 04",
      "RESOLVE_FAILED, 04",
      "CONNECTION_REFUSED, 05",
      "TIMED_OUT, 06"})
  void streamFailure_mapsToTorsRep(StreamFailure failure, String rep) {
    assertEquals(Socks5ReplyCode.of((byte) Integer.parseInt(rep, 16)),
        ReplyCodes.socks5(failure, false));
  }

  @ParameterizedTest
  @EnumSource(StreamFailure.class)
  void extendedErrors_replaceOnlyTheInvalidOnionRep(StreamFailure failure) {
    Socks5ReplyCode expected = failure == StreamFailure.INVALID_ONION_ADDRESS
        ? Socks5ReplyCode.ONION_SERVICE_BAD_ADDRESS : ReplyCodes.socks5(failure, false);
    assertEquals(expected, ReplyCodes.socks5(failure, true));
  }

  @Test
  void handshakeKinds_mapToTheParsersRep() {
    Set<HandshakeError.Kind> special = EnumSet.of(HandshakeError.Kind.COMMAND_NOT_SUPPORTED,
        HandshakeError.Kind.ADDRESS_TYPE_NOT_SUPPORTED, HandshakeError.Kind.UNSAFE_REQUEST);
    assertEquals(Socks5ReplyCode.COMMAND_NOT_SUPPORTED,
        ReplyCodes.socks5(HandshakeError.Kind.COMMAND_NOT_SUPPORTED));
    assertEquals(Socks5ReplyCode.ADDRESS_TYPE_NOT_SUPPORTED,
        ReplyCodes.socks5(HandshakeError.Kind.ADDRESS_TYPE_NOT_SUPPORTED));
    assertEquals(Socks5ReplyCode.NOT_ALLOWED, ReplyCodes.socks5(HandshakeError.Kind.UNSAFE_REQUEST));
    for (HandshakeError.Kind k : EnumSet.complementOf(EnumSet.copyOf(special))) {
      assertEquals(Socks5ReplyCode.GENERAL_FAILURE, ReplyCodes.socks5(k), k.name());
    }
  }

  @Test
  void parserError_alwaysTenBytesAtyp01() {
    assertEquals(Hex.format(Hex.bytes(Vectors.err(7))),
        Hex.format(Hex.remaining(ReplyCodes.parserError(Socks5ReplyCode.COMMAND_NOT_SUPPORTED))));
  }

  @Test
  void generic_followsTheClientFamily() {
    assertEquals(Hex.format(Hex.bytes(Vectors.err(0))), Hex.format(Hex.remaining(
        ReplyCodes.generic(Socks5ReplyCode.SUCCEEDED, Requests.ipv4Client()))));
    assertEquals(Hex.format(Hex.bytes(Vectors.err6(0))), Hex.format(Hex.remaining(
        ReplyCodes.generic(Socks5ReplyCode.SUCCEEDED, Requests.ipv6Client()))));
  }

  @Test
  void resolveFailed_atyp00() {
    assertEquals(Hex.format(Hex.bytes(Vectors.RESOLVE_FAILED)),
        Hex.format(Hex.remaining(ReplyCodes.resolveFailed())));
  }

  @Test
  void socks4Rejected_vn00_5b_zeroes() {
    assertEquals(Hex.format(Hex.bytes(Vectors.S4REJ)),
        Hex.format(Hex.remaining(ReplyCodes.socks4Rejected())));
  }
}
