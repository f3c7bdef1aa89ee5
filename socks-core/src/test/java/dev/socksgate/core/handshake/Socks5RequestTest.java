package dev.socksgate.core.handshake;

import static dev.socksgate.core.handshake.Transcript.scenario;
import static dev.socksgate.core.testing.Requests.addr;
import static dev.socksgate.core.testing.Requests.name;
import static dev.socksgate.core.testing.Vectors.err;

import dev.socksgate.core.handshake.HandshakeError.Kind;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.testing.Hex;
import dev.socksgate.core.testing.Requests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * SOCKS5 requests after a no-auth negotiation, byte for byte: Tor reference §0
 * (docs/tor-reference.md) (SOCKS5 column), §6.1–§6.3 and the parser's 10-byte error form, which
 * stays 10 bytes for IPv6 clients.
 */
class Socks5RequestTest {

  private static final String IPV6_DB8_1 = "20010db8 00000000 00000000 00000001";

  /** Negotiates no-auth, then sends {@code request}. */
  private static Transcript.Builder after00(String name, String request) {
    return scenario(name).send("05 01 00").expect("05 00").send(request);
  }

  private static Transcript.Builder after00(String name, byte[] request) {
    return scenario(name).send("05 01 00").expect("05 00").send(request);
  }

  /** A CONNECT to port 443 of a domain with these name bytes. */
  private static byte[] connectDomain(String domain) {
    byte[] name = domain.getBytes(StandardCharsets.ISO_8859_1);
    return Hex.concat(
        Hex.bytes("05 01 00 03"), new byte[] {(byte) name.length}, name, Hex.bytes("01bb"));
  }

  @TestFactory
  Stream<DynamicNode> accepted() {
    return TranscriptRunner.tests(
        List.of(
            after00("connect_ipv4_unsafe", "05 01 00 01 5db8d822 0050")
                .done(Requests.connect(addr("93.184.216.34"), 80).safe(false).build()),
            after00("connect_ipv6_unsafe", "05 01 00 04 " + IPV6_DB8_1 + " 01bb")
                .done(Requests.connect(addr("2001:db8::1"), 443).safe(false).build()),
            after00("connect_domain_safe", "05 01 00 03 0b 'example.com' 01bb")
                .done(Requests.connect(name("example.com"), 443).build()),
            after00("connect_upperCaseDomain_lowerCased", "05 01 00 03 0b 'EXAMPLE.com' 01bb")
                .done(Requests.connect(name("example.com"), 443).build()),
            after00(
                    "connect_domainHoldingIpv4Literal_addressButSafe",
                    "05 01 00 03 07 '8.8.8.8' 0035")
                .done(Requests.connect(addr("8.8.8.8"), 53).build()),
            after00(
                    "connect_domainHoldingBracketedIpv6_address",
                    "05 01 00 03 0d '[2001:db8::1]' 01bb")
                .done(Requests.connect(addr("2001:db8::1"), 443).build()),
            after00("connect_domainHoldingBareIpv6_address", "05 01 00 03 0b '2001:db8::1' 01bb")
                .done(Requests.connect(addr("2001:db8::1"), 443).build()),
            after00("connect_portZero_leftToThePolicy", "05 01 00 03 0b 'example.com' 0000")
                .done(Requests.connect(name("example.com"), 0).build()),
            after00("connect_optimisticData_staysInTheBuffer", "05 01 00 03 0b 'example.com' 0050")
                .trailing("'GET / HTTP/1.1' 0d0a 'Host: example.com' 0d0a 0d0a")
                .done(Requests.connect(name("example.com"), 80).build()),
            after00("resolve_domain", "05 f0 00 03 0b 'example.com' 0000")
                .done(Requests.resolve(name("example.com")).build()),
            after00("resolve_ipv4_unsafe", "05 f0 00 01 08080808 0000")
                .done(Requests.resolve(addr("8.8.8.8")).safe(false).build()),
            after00("resolve_ipv6_unsafe", "05 f0 00 04 " + IPV6_DB8_1 + " 0000")
                .done(Requests.resolve(addr("2001:db8::1")).safe(false).build()),
            after00("resolve_portIgnoredButKept", "05 f0 00 03 0b 'example.com' 1234")
                .done(Requests.resolve(name("example.com")).port(0x1234).build()),
            after00("resolvePtr_ipv4_safe", "05 f1 00 01 08080808 0000")
                .done(Requests.resolvePtr("8.8.8.8").build()),
            after00("resolvePtr_ipv6_safe", "05 f1 00 04 " + IPV6_DB8_1 + " 0000")
                .done(Requests.resolvePtr("2001:db8::1").build()),
            after00("resolvePtr_domainHoldingIpv4Literal_accepted", "05 f1 00 03 07 '1.2.3.4' 0000")
                .done(Requests.resolvePtr("1.2.3.4").build()),
            scenario("ipv6Client_connect_sameRequest")
                .client(Requests.ipv6Client())
                .send("05 01 00")
                .expect("05 00")
                .send("05 01 00 03 0b 'example.com' 01bb")
                .done(
                    Requests.connect(name("example.com"), 443)
                        .client(Requests.ipv6Client())
                        .build()),
            after00("requestPrefix_needMore", "05 01 00 03 0b 'exa'").needMore()));
  }

  @TestFactory
  Stream<DynamicNode> refusedByTheParser() {
    List<Transcript> t =
        new ArrayList<>(
            List.of(
                after00("bind_err07AfterTheWholeRequest", "05 02 00 01 5db8d822 0050")
                    .expect(err(7))
                    .failed(Kind.COMMAND_NOT_SUPPORTED),
                after00("udpAssociate_err07", "05 03 00 01 00000000 0000")
                    .expect(err(7))
                    .failed(Kind.COMMAND_NOT_SUPPORTED),
                after00("connectDir_err01AsSoonAsTheCommandByteArrives", "05 f2")
                    .expect(err(1))
                    .trailing("00 01 5db8d822 0050")
                    .failed(Kind.UNKNOWN_COMMAND),
                after00("rsvNotZero_err01AtTheThirdByte", "05 01 01")
                    .expect(err(1))
                    .trailing("01 5db8d822 0050")
                    .failed(Kind.SYNTAX),
                after00("resolvePtr_hostname_err08", "05 f1 00 03 0b 'example.com' 0000")
                    .expect(err(8))
                    .failed(Kind.ADDRESS_TYPE_NOT_SUPPORTED),
                after00(
                        "resolvePtr_inAddrArpaName_err08",
                        "05 f1 00 03 14 '4.3.2.1.in-addr.arpa' 0000")
                    .expect(err(8))
                    .failed(Kind.ADDRESS_TYPE_NOT_SUPPORTED),
                after00("emptyDomain_err01", "05 01 00 03 00")
                    .expect(err(1))
                    .trailing("01bb")
                    .failed(Kind.INVALID_DESTINATION),
                after00("nulInsideDomain_err01WhenTheNulArrives", "05 01 00 03 11 'ab' 00")
                    .expect(err(1))
                    .trailing("'cd.example.com' 01bb")
                    .failed(Kind.INVALID_DESTINATION),
                after00("unexpectedVersion06_genericErr01", "06 01")
                    .expect(err(1))
                    .trailing("00 01 5db8d822 0050")
                    .failed(Kind.BAD_VERSION),
                scenario("ipv6Client_bind_parserFormStays10Bytes")
                    .client(Requests.ipv6Client())
                    .send("05 01 00")
                    .expect("05 00")
                    .send("05 02 00 01 5db8d822 0050")
                    .expect(err(7))
                    .failed(Kind.COMMAND_NOT_SUPPORTED),
                scenario("ipv6Client_invalidHostname_parserFormStays10Bytes")
                    .client(Requests.ipv6Client())
                    .send("05 01 00")
                    .expect("05 00")
                    .send("05 01 00 03 03 '---' 0050")
                    .expect(err(1))
                    .failed(Kind.INVALID_DESTINATION)));
    for (int cmd : new int[] {0x00, 0x04, 0xff}) {
      t.add(
          after00("command" + hex(cmd) + "_err01AtTheSecondByte", "05 " + hex(cmd))
              .expect(err(1))
              .failed(Kind.UNKNOWN_COMMAND));
    }
    for (int atyp : new int[] {0x00, 0x02, 0x05, 0x23}) {
      t.add(
          after00("atyp" + hex(atyp) + "_err01AtTheFourthByte_never08", "05 01 00 " + hex(atyp))
              .expect(err(1))
              .trailing("5db8d822 0050")
              .failed(Kind.SYNTAX));
    }
    return TranscriptRunner.tests(t);
  }

  /** Tor reference §6.3: the observed rejections and acceptances of string_is_valid_dest. */
  @TestFactory
  Stream<DynamicNode> hostnameRules() {
    List<Transcript> t = new ArrayList<>();
    for (String bad :
        List.of(
            "\"\"\"\"\".com",
            "---",
            "_x.example.com",
            "-x.example.com",
            "a..b",
            "a b",
            ".",
            ".onion",
            "a.b..",
            "caf\u00e9.example",
            "[example.com]",
            "[1.2.3.4]")) {
      t.add(
          after00("invalid " + bad + "_err01", connectDomain(bad))
              .expect(err(1))
              .failed(Kind.INVALID_DESTINATION));
    }
    for (String good :
        List.of(
            "www.example.com.",
            "a_b.example.com",
            "x-.example.com",
            "1.2.3.04",
            "256.1.1.1",
            "a".repeat(255))) {
      String label = good.length() > 40 ? good.length() + "-byte name" : good;
      t.add(
          after00("valid " + label, connectDomain(good))
              .done(Requests.connect(new Host.Name(good), 443).build()));
    }
    return TranscriptRunner.tests(t);
  }

  private static String hex(int b) {
    return String.format("%02x", b);
  }
}
