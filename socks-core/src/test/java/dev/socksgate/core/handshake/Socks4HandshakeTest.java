package dev.socksgate.core.handshake;

import static dev.socksgate.core.handshake.Transcript.scenario;
import static dev.socksgate.core.testing.Requests.addr;
import static dev.socksgate.core.testing.Requests.name;
import static dev.socksgate.core.testing.Vectors.S4REJ;

import dev.socksgate.core.handshake.HandshakeError.Kind;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.testing.Hex;
import dev.socksgate.core.testing.Requests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * SOCKS4 and SOCKS4a, byte for byte: Tor reference §0 (docs/tor-reference.md) (SOCKS4 columns) and
 * §3.
 */
class Socks4HandshakeTest {

  private static final byte[] HEADER_4A = Hex.bytes("04 01 0050 00000001");

  @TestFactory
  Stream<DynamicNode> accepted() {
    return TranscriptRunner.tests(
        List.of(
            scenario("connect_ipv4_doneUnsafe")
                .send("04 01 0050 5db8d822 00")
                .done(
                    Requests.connect(addr("93.184.216.34"), 80)
                        .protocol(SocksProtocol.SOCKS4)
                        .safe(false)
                        .build()),
            scenario("connect_withUserId_userIdIsCredentials")
                .send("04 01 0050 5db8d822 'me' 00")
                .done(
                    Requests.connect(addr("93.184.216.34"), 80)
                        .protocol(SocksProtocol.SOCKS4)
                        .credentials(Requests.userId("me"))
                        .safe(false)
                        .build()),
            scenario("connect_userIdOf503Bytes_fillsThe512ByteWindowExactly")
                .send(
                    Hex.concat(
                        Hex.bytes("04 01 0050 5db8d822"), Hex.repeat('u', 503), Hex.bytes("00")))
                .done(
                    Requests.connect(addr("93.184.216.34"), 80)
                        .protocol(SocksProtocol.SOCKS4)
                        .credentials(new Credentials.Socks4UserId(Hex.repeat('u', 503)))
                        .safe(false)
                        .build()),
            scenario("socks4a_connect_hostnameIsSafe")
                .send("04 01 01bb 00000001 00 'example.com' 00")
                .done(
                    Requests.connect(name("example.com"), 443)
                        .protocol(SocksProtocol.SOCKS4A)
                        .build()),
            scenario("socks4a_marker0.0.0.255_isSocks4a")
                .send("04 01 01bb 000000ff 'id' 00 'example.com' 00")
                .done(
                    Requests.connect(name("example.com"), 443)
                        .protocol(SocksProtocol.SOCKS4A)
                        .credentials(Requests.userId("id"))
                        .build()),
            scenario("socks4a_upperCaseHostname_lowerCased")
                .send("04 01 01bb 00000001 00 'WWW.Example.COM' 00")
                .done(
                    Requests.connect(name("www.example.com"), 443)
                        .protocol(SocksProtocol.SOCKS4A)
                        .build()),
            scenario("socks4a_ipLiteralHostname_isAnAddressAndSafe")
                .send("04 01 0050 00000001 00 '10.1.2.3' 00")
                .done(
                    Requests.connect(addr("10.1.2.3"), 80).protocol(SocksProtocol.SOCKS4A).build()),
            scenario("socks4a_ipv6LiteralHostname_isAnAddress")
                .send("04 01 0050 00000001 00 '2001:db8::1' 00")
                .done(
                    Requests.connect(addr("2001:db8::1"), 80)
                        .protocol(SocksProtocol.SOCKS4A)
                        .build()),
            scenario("socks4a_hostnameOf255Bytes_accepted")
                .send(Hex.concat(HEADER_4A, Hex.bytes("00"), Hex.repeat('a', 255), Hex.bytes("00")))
                .done(
                    Requests.connect(name("a".repeat(255)), 80)
                        .protocol(SocksProtocol.SOCKS4A)
                        .build()),
            scenario("resolve_ipv4_portZeroAllowed")
                .send("04 f0 0000 7f000001 00")
                .done(
                    Requests.resolve(addr("127.0.0.1"))
                        .protocol(SocksProtocol.SOCKS4)
                        .safe(false)
                        .build()),
            scenario("socks4a_resolve_hostname")
                .send("04 f0 0000 00000001 00 'example.com' 00")
                .done(
                    Requests.resolve(name("example.com")).protocol(SocksProtocol.SOCKS4A).build()),
            scenario("socks4a_optimisticData_staysInTheBuffer")
                .send("04 01 0050 00000001 00 'example.com' 00")
                .trailing(Hex.repeat('x', 300))
                .done(
                    Requests.connect(name("example.com"), 80)
                        .protocol(SocksProtocol.SOCKS4A)
                        .build()),
            scenario("socks4_optimisticData_staysInTheBuffer")
                .send("04 01 0050 5db8d822 00")
                .trailing("'GET / HTTP/1.0' 0d0a 0d0a")
                .done(
                    Requests.connect(addr("93.184.216.34"), 80)
                        .protocol(SocksProtocol.SOCKS4)
                        .safe(false)
                        .build()),
            scenario("ipv6Client_connect_sameRequest")
                .client(Requests.ipv6Client())
                .send("04 01 0050 5db8d822 00")
                .done(
                    Requests.connect(addr("93.184.216.34"), 80)
                        .protocol(SocksProtocol.SOCKS4)
                        .client(Requests.ipv6Client())
                        .safe(false)
                        .build())));
  }

  @TestFactory
  Stream<DynamicNode> refused() {
    return TranscriptRunner.tests(
        List.of(
            scenario("bind_s4rej")
                .send("04 02 0050 5db8d822 00")
                .expect(S4REJ)
                .failed(Kind.COMMAND_NOT_SUPPORTED),
            scenario("resolvePtr_socks5Only_s4rej")
                .send("04 f1 0050 7f000001 00")
                .expect(S4REJ)
                .failed(Kind.COMMAND_NOT_SUPPORTED),
            scenario("socks4a_bind_s4rej")
                .send("04 02 0050 00000001 00 'example.com' 00")
                .expect(S4REJ)
                .failed(Kind.COMMAND_NOT_SUPPORTED),
            scenario("udpAssociate_outsideGrammar_s4rejOnceTheHeaderIsIn")
                .send("04 03 0050 5db8d822")
                .expect(S4REJ)
                .trailing("00")
                .failed(Kind.UNKNOWN_COMMAND),
            scenario("connectDir_outsideGrammar_s4rej")
                .send("04 f2 0050 5db8d822")
                .expect(S4REJ)
                .failed(Kind.UNKNOWN_COMMAND),
            scenario("command00_outsideGrammar_s4rej")
                .send("04 00 0050 5db8d822")
                .expect(S4REJ)
                .failed(Kind.UNKNOWN_COMMAND),
            scenario("connect_portZero_s4rej")
                .send("04 01 0000 5db8d822 00")
                .expect(S4REJ)
                .failed(Kind.INVALID_DESTINATION),
            scenario("connect_addressZero_s4rej")
                .send("04 01 0050 00000000 00")
                .expect(S4REJ)
                .failed(Kind.INVALID_DESTINATION),
            scenario("resolve_addressZero_s4rej")
                .send("04 f0 0000 00000000 00")
                .expect(S4REJ)
                .failed(Kind.INVALID_DESTINATION),
            scenario("socks4a_connectPortZero_s4rej")
                .send("04 01 0000 00000001 00 'example.com' 00")
                .expect(S4REJ)
                .failed(Kind.INVALID_DESTINATION),
            scenario("socks4a_invalidHostname_s4rej")
                .send("04 01 0050 00000001 00 '---' 00")
                .expect(S4REJ)
                .failed(Kind.INVALID_DESTINATION),
            scenario("socks4a_emptyHostname_s4rej")
                .send("04 01 0050 00000001 00 00")
                .expect(S4REJ)
                .failed(Kind.INVALID_DESTINATION),
            scenario("socks4a_hostnameOf256Bytes_s4rejAtThe256thByte")
                .send(Hex.concat(HEADER_4A, Hex.bytes("00"), Hex.repeat('a', 256)))
                .expect(S4REJ)
                .trailing("00")
                .failed(Kind.TOO_LONG),
            scenario("userIdWithoutNul_s4rejWhen512BytesAreBuffered")
                .send(Hex.concat(Hex.bytes("04 01 0050 5db8d822"), Hex.repeat('u', 504)))
                .expect(S4REJ)
                .trailing(Hex.repeat('u', 1488))
                .failed(Kind.TOO_LONG),
            scenario("ipv6Client_bind_stillS4rej")
                .client(Requests.ipv6Client())
                .send("04 02 0050 5db8d822 00")
                .expect(S4REJ)
                .failed(Kind.COMMAND_NOT_SUPPORTED)));
  }

  @TestFactory
  Stream<DynamicNode> incomplete() {
    return TranscriptRunner.tests(
        List.of(
            scenario("firstTwoBytes_needMore").send("04 01").needMore(),
            scenario("headerWithoutNul_needMore").send("04 01 0050 5db8d822 'abc'").needMore(),
            scenario("badCommandBeforeTheHeaderIsIn_needMore_asTorWaitsFor8Bytes")
                .send("04 03 0050 5db8")
                .needMore(),
            scenario("socks4a_hostnameWithoutNul_needMore")
                .send("04 01 0050 00000001 00 'example.c'")
                .needMore(),
            scenario("requestOf511BytesWithoutNul_needMore")
                .send(
                    Hex.concat(
                        Hex.bytes("04 01 0050 5db8d822"),
                        "u".repeat(503).getBytes(StandardCharsets.US_ASCII)))
                .needMore()));
  }
}
