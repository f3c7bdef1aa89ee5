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

/**
 * The single failure → REP mapping (Tor reference §9 (docs/tor-reference.md) table, §6.2) and the
 * reply shapes.
 */
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
    "TIMED_OUT, 06",
    "ONION_DESCRIPTOR_NOT_FOUND, 01",
    "ONION_INTRODUCTION_TIMED_OUT, 01"
  })
  void streamFailure_mapsToTorsRep(StreamFailure failure, String rep) {
    assertEquals(
        Socks5ReplyCode.of((byte) Integer.parseInt(rep, 16)), ReplyCodes.socks5(failure, false));
  }

  @ParameterizedTest
  @EnumSource(StreamFailure.class)
  void extendedErrors_replaceOnlyTheOnionReps(StreamFailure failure) {
    Socks5ReplyCode expected =
        failure.name().contains("ONION")
            ? ReplyCodes.extendedCode(failure).orElseThrow()
            : ReplyCodes.socks5(failure, false);
    assertEquals(expected, ReplyCodes.socks5(failure, true));
    if (failure.name().contains("ONION")) {
      assertEquals(Socks5ReplyCode.GENERAL_FAILURE, ReplyCodes.socks5(failure, false));
    }
  }

  @ParameterizedTest(name = "REP {0} -> {1}")
  @CsvSource({
    "01, GENERAL",
    "02, NOT_ALLOWED",
    "03, NETWORK_UNREACHABLE",
    "04, HOST_UNREACHABLE",
    "05, CONNECTION_REFUSED",
    "06, TIMED_OUT",
    "07, GENERAL",
    "08, GENERAL",
    "09, GENERAL",
    "f0, ONION_DESCRIPTOR_NOT_FOUND",
    "f1, ONION_DESCRIPTOR_INVALID",
    "f2, ONION_INTRODUCTION_FAILED",
    "f3, ONION_RENDEZVOUS_FAILED",
    "f4, ONION_CLIENT_AUTH_MISSING",
    "f5, ONION_CLIENT_AUTH_BAD",
    "f6, INVALID_ONION_ADDRESS",
    "f7, ONION_INTRODUCTION_TIMED_OUT",
    "ff, GENERAL"
  })
  void upstreamRep_mapsBackToTheFailureThatSendsItAgain(String rep, StreamFailure failure) {
    Socks5ReplyCode code = Socks5ReplyCode.of((byte) Integer.parseInt(rep, 16));
    assertEquals(failure, ReplyCodes.failureOf(code));
    if (code.equals(ReplyCodes.socks5(failure, true))) {
      return; // round trip exact
    }
    assertEquals(
        Socks5ReplyCode.GENERAL_FAILURE,
        ReplyCodes.socks5(failure, true),
        "codes with no failure of their own become 01");
  }

  @Test
  void handshakeKinds_mapToTheParsersRep() {
    Set<HandshakeError.Kind> special =
        EnumSet.of(
            HandshakeError.Kind.COMMAND_NOT_SUPPORTED,
            HandshakeError.Kind.ADDRESS_TYPE_NOT_SUPPORTED,
            HandshakeError.Kind.UNSAFE_REQUEST);
    assertEquals(
        Socks5ReplyCode.COMMAND_NOT_SUPPORTED,
        ReplyCodes.socks5(HandshakeError.Kind.COMMAND_NOT_SUPPORTED));
    assertEquals(
        Socks5ReplyCode.ADDRESS_TYPE_NOT_SUPPORTED,
        ReplyCodes.socks5(HandshakeError.Kind.ADDRESS_TYPE_NOT_SUPPORTED));
    assertEquals(
        Socks5ReplyCode.NOT_ALLOWED, ReplyCodes.socks5(HandshakeError.Kind.UNSAFE_REQUEST));
    for (HandshakeError.Kind k : EnumSet.complementOf(EnumSet.copyOf(special))) {
      assertEquals(Socks5ReplyCode.GENERAL_FAILURE, ReplyCodes.socks5(k), k.name());
    }
  }

  @Test
  void parserError_alwaysTenBytesAtyp01() {
    assertEquals(
        Hex.format(Hex.bytes(Vectors.err(7))),
        Hex.format(Hex.remaining(ReplyCodes.parserError(Socks5ReplyCode.COMMAND_NOT_SUPPORTED))));
  }

  @Test
  void generic_followsTheClientFamily() {
    assertEquals(
        Hex.format(Hex.bytes(Vectors.err(0))),
        Hex.format(
            Hex.remaining(ReplyCodes.generic(Socks5ReplyCode.SUCCEEDED, Requests.ipv4Client()))));
    assertEquals(
        Hex.format(Hex.bytes(Vectors.err6(0))),
        Hex.format(
            Hex.remaining(ReplyCodes.generic(Socks5ReplyCode.SUCCEEDED, Requests.ipv6Client()))));
  }

  @Test
  void resolveFailed_atyp00() {
    assertEquals(
        Hex.format(Hex.bytes(Vectors.RESOLVE_FAILED)),
        Hex.format(Hex.remaining(ReplyCodes.resolveFailed())));
  }

  @Test
  void socks4Rejected_vn00_5b_zeroes() {
    assertEquals(
        Hex.format(Hex.bytes(Vectors.S4REJ)),
        Hex.format(Hex.remaining(ReplyCodes.socks4Rejected())));
  }
}
