package dev.socksgate.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.socksgate.codec.v4.Socks4Command;
import dev.socksgate.codec.v4.Socks4ReplyCode;
import dev.socksgate.codec.v5.Socks5AddressType;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every wire code type is an open value: {@code of(byte)} never throws for any of the 256 bytes and
 * keeps the byte, equality and hash are by value, the named constants are what {@code of} returns,
 * and {@code isKnown()} is true exactly for the named codes.
 */
class OpenCodesTest {

  private record CodeType<T>(
      String name,
      Function<Byte, T> of,
      Function<Byte, T> constructor,
      Function<T, Byte> code,
      Predicate<T> isKnown,
      Map<Integer, T> named) {}

  @TestFactory
  Stream<DynamicTest> everyByteIsRepresentable() {
    return types().stream().map(t -> dynamicTest(t.name(), () -> checkAllBytes(t)));
  }

  private static List<CodeType<?>> types() {
    return List.of(
        new CodeType<>(
            "SocksVersion",
            SocksVersion::of,
            SocksVersion::new,
            SocksVersion::code,
            SocksVersion::isKnown,
            Map.of(0x04, SocksVersion.SOCKS4, 0x05, SocksVersion.SOCKS5)),
        new CodeType<>(
            "Socks4Command",
            Socks4Command::of,
            Socks4Command::new,
            Socks4Command::code,
            Socks4Command::isKnown,
            Map.of(
                0x01,
                Socks4Command.CONNECT,
                0x02,
                Socks4Command.BIND,
                0xF0,
                Socks4Command.RESOLVE,
                0xF1,
                Socks4Command.RESOLVE_PTR)),
        new CodeType<>(
            "Socks4ReplyCode",
            Socks4ReplyCode::of,
            Socks4ReplyCode::new,
            Socks4ReplyCode::code,
            Socks4ReplyCode::isKnown,
            Map.of(
                0x5A,
                Socks4ReplyCode.GRANTED,
                0x5B,
                Socks4ReplyCode.REJECTED,
                0x5C,
                Socks4ReplyCode.NO_IDENTD,
                0x5D,
                Socks4ReplyCode.IDENTD_MISMATCH)),
        new CodeType<>(
            "Socks5AuthMethod",
            Socks5AuthMethod::of,
            Socks5AuthMethod::new,
            Socks5AuthMethod::code,
            Socks5AuthMethod::isKnown,
            Map.of(
                0x00,
                Socks5AuthMethod.NO_AUTH,
                0x01,
                Socks5AuthMethod.GSSAPI,
                0x02,
                Socks5AuthMethod.USERNAME_PASSWORD,
                0xFF,
                Socks5AuthMethod.NO_ACCEPTABLE)),
        new CodeType<>(
            "Socks5Command",
            Socks5Command::of,
            Socks5Command::new,
            Socks5Command::code,
            Socks5Command::isKnown,
            Map.of(
                0x01,
                Socks5Command.CONNECT,
                0x02,
                Socks5Command.BIND,
                0x03,
                Socks5Command.UDP_ASSOCIATE,
                0xF0,
                Socks5Command.RESOLVE,
                0xF1,
                Socks5Command.RESOLVE_PTR,
                0xF2,
                Socks5Command.CONNECT_DIR)),
        new CodeType<>(
            "Socks5AddressType",
            Socks5AddressType::of,
            Socks5AddressType::new,
            Socks5AddressType::code,
            Socks5AddressType::isKnown,
            Map.of(
                0x01,
                Socks5AddressType.IPV4,
                0x03,
                Socks5AddressType.DOMAIN,
                0x04,
                Socks5AddressType.IPV6)),
        new CodeType<>(
            "Socks5ReplyCode",
            Socks5ReplyCode::of,
            Socks5ReplyCode::new,
            Socks5ReplyCode::code,
            Socks5ReplyCode::isKnown,
            socks5ReplyCodes()));
  }

  private static Map<Integer, Socks5ReplyCode> socks5ReplyCodes() {
    return Map.ofEntries(
        Map.entry(0x00, Socks5ReplyCode.SUCCEEDED),
        Map.entry(0x01, Socks5ReplyCode.GENERAL_FAILURE),
        Map.entry(0x02, Socks5ReplyCode.NOT_ALLOWED),
        Map.entry(0x03, Socks5ReplyCode.NETWORK_UNREACHABLE),
        Map.entry(0x04, Socks5ReplyCode.HOST_UNREACHABLE),
        Map.entry(0x05, Socks5ReplyCode.CONNECTION_REFUSED),
        Map.entry(0x06, Socks5ReplyCode.TTL_EXPIRED),
        Map.entry(0x07, Socks5ReplyCode.COMMAND_NOT_SUPPORTED),
        Map.entry(0x08, Socks5ReplyCode.ADDRESS_TYPE_NOT_SUPPORTED),
        Map.entry(0xF0, Socks5ReplyCode.ONION_SERVICE_DESC_NOT_FOUND),
        Map.entry(0xF1, Socks5ReplyCode.ONION_SERVICE_DESC_INVALID),
        Map.entry(0xF2, Socks5ReplyCode.ONION_SERVICE_INTRO_FAILED),
        Map.entry(0xF3, Socks5ReplyCode.ONION_SERVICE_REND_FAILED),
        Map.entry(0xF4, Socks5ReplyCode.ONION_SERVICE_MISSING_CLIENT_AUTH),
        Map.entry(0xF5, Socks5ReplyCode.ONION_SERVICE_BAD_CLIENT_AUTH),
        Map.entry(0xF6, Socks5ReplyCode.ONION_SERVICE_BAD_ADDRESS),
        Map.entry(0xF7, Socks5ReplyCode.ONION_SERVICE_INTRO_TIMEDOUT));
  }

  private static <T> void checkAllBytes(CodeType<T> type) {
    for (int i = 0; i < 256; i++) {
      byte b = (byte) i;
      T value = type.of().apply(b);
      String at = type.name() + " 0x" + Integer.toHexString(i);
      assertNotNull(value, at);
      assertEquals(b, type.code().apply(value), at);
      T twin = type.constructor().apply(b);
      assertEquals(twin, value, at);
      assertEquals(twin.hashCode(), value.hashCode(), at);
      assertNotNull(value.toString(), at);
      T constant = type.named().get(i);
      assertEquals(constant != null, type.isKnown().test(value), at + " isKnown");
      if (constant != null) {
        assertSame(constant, value, at + " is the named constant");
      }
    }
  }
}
