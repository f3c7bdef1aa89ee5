package dev.socksgate.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.core.testing.Hex;
import dev.socksgate.core.testing.Requests;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tor's internal-address list (reference §7, {@code tor_addr_is_internal}), at every range edge:
 * the first and last address inside, and the neighbours just outside.
 */
class InternalAddressesTest {

  @ParameterizedTest(name = "{0} internal={1}")
  @CsvSource({
    "0.0.0.0, true",
    "0.255.255.255, true",
    "1.0.0.0, false",
    "9.255.255.255, false",
    "10.0.0.0, true",
    "10.255.255.255, true",
    "11.0.0.0, false",
    "100.63.255.255, false",
    "100.64.0.0, true",
    "100.127.255.255, true",
    "100.128.0.0, false",
    "126.255.255.255, false",
    "127.0.0.0, true",
    "127.255.255.255, true",
    "128.0.0.0, false",
    "169.253.255.255, false",
    "169.254.0.0, true",
    "169.254.255.255, true",
    "169.255.0.0, false",
    "172.15.255.255, false",
    "172.16.0.0, true",
    "172.31.255.255, true",
    "172.32.0.0, false",
    "192.167.255.255, false",
    "192.168.0.0, true",
    "192.168.255.255, true",
    "192.169.0.0, false",
    "8.8.8.8, false",
    "93.184.216.34, false",
    "255.255.255.255, false",
    "224.0.0.1, false"
  })
  void ipv4(String literal, boolean internal) {
    assertEquals(internal, InternalAddresses.isInternal(Requests.ip(literal)), literal);
  }

  @ParameterizedTest(name = "{0} internal={1}")
  @CsvSource({
    "'::', true",
    "'::1', true",
    "'::2', false",
    "'::1:0', false",
    "'fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false",
    "'fc00::', true",
    "'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true",
    "'fe00::', false",
    "'fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false",
    "'fe80::', true",
    "'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true",
    "'fec0::', true",
    "'feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true",
    "'ff00::', false",
    "'ff02::1', false",
    "'2001:db8::1', false",
    "'2606:2800:220:1::1', false",
    "'::10.0.0.1', false"
  })
  void ipv6(String literal, boolean internal) {
    assertEquals(internal, InternalAddresses.isInternal(Requests.ip(literal)), literal);
  }

  @ParameterizedTest(name = "::ffff:{0} internal={1}")
  @CsvSource({
    "7f000001, true",
    "0a000001, true",
    "c0a80101, true",
    "a9fe0001, true",
    "64400000, true",
    "ac100000, true",
    "00000000, true",
    "08080808, false",
    "ac200000, false",
    "64800000, false"
  })
  void ipv4MappedIpv6_judgedAsTheIpv4Address(String v4hex, boolean internal) {
    InetAddress mapped = Requests.ipv6(Hex.bytes("00000000 00000000 0000ffff " + v4hex));
    assertEquals(internal, InternalAddresses.isInternal(mapped), v4hex);
  }
}
