package dev.socksgate.core.handshake;

import static dev.socksgate.core.handshake.Transcript.scenario;
import static dev.socksgate.core.testing.Requests.addr;
import static dev.socksgate.core.testing.Requests.name;
import static dev.socksgate.core.testing.Vectors.err;
import static dev.socksgate.core.testing.Vectors.err6;

import dev.socksgate.codec.HttpResistance;
import dev.socksgate.core.handshake.HandshakeError.Kind;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.testing.Requests;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Dispatch on the first byte of every message (Tor reference §2 (docs/tor-reference.md)),
 * HTTP-resistance (§10) and pipelining (§1: we send every reply, Tor only the last).
 */
class DispatchTest {

  private static final byte[] PAGE = HttpResistance.response();

  @TestFactory
  Stream<DynamicNode> firstByte() {
    return TranscriptRunner.tests(
        List.of(
            scenario("loneSocks5Byte_needMore").send("05").needMore(),
            scenario("loneSocks4Byte_needMore").send("04").needMore(),
            scenario("loneG_needMore_evenForHttp").send("'G'").needMore(),
            scenario("unknown00_silentClose").send("00 00").failed(Kind.UNKNOWN_PROTOCOL),
            scenario("unknown06_silentClose")
                .send("06 01")
                .trailing("00")
                .failed(Kind.UNKNOWN_PROTOCOL),
            scenario("unknownFF_silentClose").send("ff ff").failed(Kind.UNKNOWN_PROTOCOL),
            scenario("options_silentClose")
                .send("'OP'")
                .trailing("'TIONS * HTTP/1.1' 0d0a")
                .failed(Kind.UNKNOWN_PROTOCOL),
            scenario("lowerCaseGet_silentClose")
                .send("'ge'")
                .trailing("'t / HTTP/1.0' 0d0a")
                .failed(Kind.UNKNOWN_PROTOCOL),
            scenario("tlsClientHello_silentClose")
                .send("16 03")
                .trailing("01 0200 01 0001fc 0303")
                .failed(Kind.UNKNOWN_PROTOCOL),
            scenario("ipv6Client_unknown_silentClose")
                .client(Requests.ipv6Client())
                .send("06 01")
                .failed(Kind.UNKNOWN_PROTOCOL)));
  }

  @TestFactory
  Stream<DynamicNode> httpResistance() {
    return TranscriptRunner.tests(
        List.of(
            scenario("GE_page").send("'GE'").expect(PAGE).failed(Kind.HTTP_REQUEST),
            scenario("get_pageAfterTwoBytes")
                .send("'GE'")
                .expect(PAGE)
                .trailing("'T / HTTP/1.1' 0d0a 'Host: x' 0d0a 0d0a")
                .failed(Kind.HTTP_REQUEST),
            scenario("head_page")
                .send("'HE'")
                .expect(PAGE)
                .trailing("'AD / HTTP/1.0' 0d0a 0d0a")
                .failed(Kind.HTTP_REQUEST),
            scenario("post_page")
                .send("'PO'")
                .expect(PAGE)
                .trailing("'ST / HTTP/1.0' 0d0a 0d0a")
                .failed(Kind.HTTP_REQUEST),
            scenario("put_page")
                .send("'PU'")
                .expect(PAGE)
                .trailing("'T / HTTP/1.0' 0d0a 0d0a")
                .failed(Kind.HTTP_REQUEST),
            scenario("connect_page")
                .send("'CO'")
                .expect(PAGE)
                .trailing("'NNECT example.com:443 HTTP/1.1' 0d0a 0d0a")
                .failed(Kind.HTTP_REQUEST),
            scenario("afterNegotiation_httpStillGetsThePage")
                .send("05 01 00")
                .expect("05 00")
                .send("'GE'")
                .expect(PAGE)
                .trailing("'T / HTTP/1.0' 0d0a 0d0a")
                .failed(Kind.HTTP_REQUEST),
            scenario("whereRfc1929IsOwed_httpStillGetsThePage")
                .send("05 01 02")
                .expect("05 02")
                .send("'PO'")
                .expect(PAGE)
                .failed(Kind.HTTP_REQUEST)));
  }

  @TestFactory
  Stream<DynamicNode> afterNegotiation() {
    return TranscriptRunner.tests(
        List.of(
            scenario("unknownVersionByte_genericErr01")
                .send("05 01 00")
                .expect("05 00")
                .send("06 01")
                .expect(err(1))
                .failed(Kind.BAD_VERSION),
            scenario("ipv6Client_unknownVersionByte_err6_01")
                .client(Requests.ipv6Client())
                .send("05 01 00")
                .expect("05 00")
                .send("06 01")
                .expect(err6(1))
                .failed(Kind.BAD_VERSION),
            scenario("socks4InPlaceOfTheRequest_parsedAsSocks4_quirk")
                .send("05 01 00")
                .expect("05 00")
                .send("04 01 0001 02020202 1111 00")
                .done(
                    Requests.connect(addr("2.2.2.2"), 1)
                        .protocol(SocksProtocol.SOCKS4)
                        .credentials(
                            new dev.socksgate.core.model.Credentials.Socks4UserId(
                                new byte[] {0x11, 0x11}))
                        .safe(false)
                        .build()),
            scenario("socks4InPlaceOfTheRequest_waitsForTheUserIdNul")
                .send("05 01 00")
                .expect("05 00")
                .send("04 01 0001 02020202 1111")
                .needMore(),
            scenario("socks4InPlaceOfTheRequest_failuresAre5B")
                .send("05 01 00")
                .expect("05 00")
                .send("04 02 0001 02020202 00")
                .expect("00 5b 0000 00000000")
                .failed(Kind.COMMAND_NOT_SUPPORTED)));
  }

  /**
   * Tor sends only the last reply of a pipelined write (reference §1); we send every one. The
   * coalesced run of each scenario proves the bytes; these are the reference's examples.
   */
  @TestFactory
  Stream<DynamicNode> pipelining() {
    return TranscriptRunner.tests(
        List.of(
            scenario("greetingAndRfc1929_bothRepliesSent")
                .send("05 01 02")
                .expect("05 02")
                .send("01 02 'me' 02 'pw'")
                .expect("01 00")
                .needMore(),
            scenario("greetingAndBadRequest_bothRepliesSent")
                .send("05 01 00")
                .expect("05 00")
                .send("05 f2")
                .expect(err(1))
                .failed(Kind.UNKNOWN_COMMAND),
            scenario("greetingAndBind_bothRepliesSent")
                .send("05 02 00 01")
                .expect("05 00")
                .send("05 02 00 01 5db8d822 0050")
                .expect(err(7))
                .failed(Kind.COMMAND_NOT_SUPPORTED),
            scenario("greetingRfc1929RequestAndData_everythingInOrder")
                .send("05 02 00 02")
                .expect("05 02")
                .send("01 01 'u' 01 'p'")
                .expect("01 00")
                .send("05 01 00 03 0b 'example.com' 0050")
                .trailing("'GET / HTTP/1.0' 0d0a 0d0a")
                .done(
                    Requests.connect(name("example.com"), 80)
                        .credentials(Requests.userPass("u", "p"))
                        .build())));
  }
}
