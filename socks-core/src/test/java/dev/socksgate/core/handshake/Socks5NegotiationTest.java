package dev.socksgate.core.handshake;

import static dev.socksgate.core.handshake.Transcript.scenario;
import static dev.socksgate.core.testing.Requests.name;
import static dev.socksgate.core.testing.Vectors.err;
import static dev.socksgate.core.testing.Vectors.err6;

import dev.socksgate.core.handshake.HandshakeError.Kind;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.IsolationFlags;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.testing.Hex;
import dev.socksgate.core.testing.Requests;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * SOCKS5 method negotiation and RFC 1929, byte for byte: Tor reference §4 (docs/tor-reference.md)
 * and §5, proposal 351.
 */
class Socks5NegotiationTest {

  /** CONNECT example.com:443, the request every successful scenario here ends with. */
  static final String CONNECT = "05 01 00 03 0b 'example.com' 01bb";

  private static final ListenerSettings PREFER_NO_AUTH =
      ListenerSettings.of(IsolationFlags.TOR_DEFAULTS, Requests.GROUP, true, false);
  private static final ListenerSettings NO_ISOLATE_SOCKS_AUTH =
      new ListenerSettings(
          new IsolationFlags(true, false, false, false, false), Requests.GROUP, false, false);

  private static Requests.Builder connect() {
    return Requests.connect(name("example.com"), 443);
  }

  @TestFactory
  Stream<DynamicNode> methodSelection() {
    return TranscriptRunner.tests(
        List.of(
            scenario("noAuthOnly_selects00")
                .send("05 01 00")
                .expect("05 00")
                .send(CONNECT)
                .done(connect().build()),
            scenario("both_defaultListener_selects02")
                .send("05 02 00 02")
                .expect("05 02")
                .send("01 00 00")
                .expect("01 00")
                .send(CONNECT)
                .done(connect().credentials(Requests.userPass("", "")).build()),
            scenario("both_orderIgnored_selects02").send("05 02 02 00").expect("05 02").needMore(),
            scenario("both_preferNoAuthListener_selects00")
                .client(Requests.client("127.0.0.1", PREFER_NO_AUTH))
                .send("05 02 00 02")
                .expect("05 00")
                .needMore(),
            scenario("both_noIsolateSocksAuth_forcesPreferNoAuth_selects00")
                .client(Requests.client("127.0.0.1", NO_ISOLATE_SOCKS_AUTH))
                .send("05 02 00 02")
                .expect("05 00")
                .needMore(),
            scenario("passwordOnly_preferNoAuthListener_stillSelects02")
                .client(Requests.client("127.0.0.1", PREFER_NO_AUTH))
                .send("05 01 02")
                .expect("05 02")
                .needMore(),
            scenario("duplicates_ignored_selects00")
                .send("05 03 00 00 00")
                .expect("05 00")
                .needMore(),
            scenario("unknownMethods_05ff")
                .send("05 03 99 21 10")
                .expect("05 ff")
                .failed(Kind.NO_ACCEPTABLE_METHOD),
            scenario("gssapiOnly_05ff")
                .send("05 01 01")
                .expect("05 ff")
                .failed(Kind.NO_ACCEPTABLE_METHOD),
            scenario("255UnknownMethods_05ff")
                .send(Hex.concat(Hex.bytes("05 ff"), Hex.repeat(0x80, 255)))
                .expect("05 ff")
                .failed(Kind.NO_ACCEPTABLE_METHOD),
            scenario("zeroMethods_silentClose").send("05 00").failed(Kind.SYNTAX),
            scenario("ipv6Client_zeroMethods_silentClose")
                .client(Requests.ipv6Client())
                .send("05 00")
                .failed(Kind.SYNTAX),
            scenario("greetingPrefix_needMore").send("05 03 00").needMore()));
  }

  @TestFactory
  Stream<DynamicNode> usernamePassword() {
    return TranscriptRunner.tests(
        List.of(
            scenario("afterMethod02_credentialsAccepted_01_00")
                .send("05 01 02")
                .expect("05 02")
                .send("01 05 'alice' 08 'password'")
                .expect("01 00")
                .send(CONNECT)
                .done(connect().credentials(Requests.userPass("alice", "password")).build()),
            scenario("nulBytesInCredentials_opaque")
                .send("05 01 02")
                .expect("05 02")
                .send("01 03 610062 02 0000")
                .expect("01 00")
                .send(CONNECT)
                .done(
                    connect()
                        .credentials(
                            new Credentials.UsernamePassword(
                                Hex.bytes("610062"), Hex.bytes("0000")))
                        .build()),
            scenario("longestCredentials_255And255_accepted")
                .send("05 01 02")
                .expect("05 02")
                .send(
                    Hex.concat(
                        Hex.bytes("01 ff"),
                        Hex.repeat('u', 255),
                        Hex.bytes("ff"),
                        Hex.repeat('p', 255)))
                .expect("01 00")
                .send(CONNECT)
                .done(
                    connect()
                        .credentials(
                            new Credentials.UsernamePassword(
                                Hex.repeat('u', 255), Hex.repeat('p', 255)))
                        .build()),
            scenario("brokenClient_rfc1929After00_01_00AndCredentialsCount")
                .send("05 01 00")
                .expect("05 00")
                .send("01 02 'me' 02 'pw'")
                .expect("01 00")
                .send(CONNECT)
                .done(connect().credentials(Requests.userPass("me", "pw")).build()),
            scenario("afterMethod02_socks5RequestInstead_genericErr01")
                .send("05 01 02")
                .expect("05 02")
                .send("05 01")
                .expect(err(1))
                .trailing("00 03 0b 'example.com' 01bb")
                .failed(Kind.BAD_VERSION),
            scenario("ipv6Client_afterMethod02_socks5RequestInstead_err6_01")
                .client(Requests.ipv6Client())
                .send("05 01 02")
                .expect("05 02")
                .send("05 01")
                .expect(err6(1))
                .failed(Kind.BAD_VERSION),
            scenario("afterMethod02_version02Instead_genericErr01")
                .send("05 01 02")
                .expect("05 02")
                .send("02 05")
                .expect(err(1))
                .failed(Kind.BAD_VERSION),
            scenario("secondRfc1929_parsedAsRequest_parserErr01")
                .send("05 01 02")
                .expect("05 02")
                .send("01 02 'me' 02 'pw'")
                .expect("01 00")
                .send("01 02")
                .expect(err(1))
                .trailing("'me' 02 'pw'")
                .failed(Kind.BAD_VERSION),
            scenario("ipv6Client_secondRfc1929_parserFormStays10Bytes")
                .client(Requests.ipv6Client())
                .send("05 01 02")
                .expect("05 02")
                .send("01 02 'me' 02 'pw'")
                .expect("01 00")
                .send("01 02")
                .expect(err(1))
                .failed(Kind.BAD_VERSION),
            scenario("rfc1929BeforeNegotiation_silentClose")
                .send("01 05 'alice' 03 'pwd'")
                .failed(Kind.UNKNOWN_PROTOCOL),
            scenario("rfc1929BeforeNegotiation_incomplete_needMore")
                .send("01 05 'ali'")
                .needMore()));
  }

  @TestFactory
  Stream<DynamicNode> proposal351() {
    return TranscriptRunner.tests(
        List.of(
            scenario("format0_accepted_passwordIsTheIsolationString")
                .send("05 01 02")
                .expect("05 02")
                .send("01 09 '<torS0X>0' 05 'group'")
                .expect("01 00")
                .send(CONNECT)
                .done(connect().credentials(Requests.userPass("<torS0X>0", "group")).build()),
            scenario("prefixAlone_err01")
                .send("05 01 02")
                .expect("05 02")
                .send("01 08 '<torS0X>' 01 'x'")
                .expect(err(1))
                .failed(Kind.BAD_AUTH_EXTENSION),
            scenario("format1_arti_err01")
                .send("05 01 02")
                .expect("05 02")
                .send("01 0c '<torS0X>1abc' 01 'x'")
                .expect(err(1))
                .failed(Kind.BAD_AUTH_EXTENSION),
            scenario("format0WithSuffix_err01")
                .send("05 01 02")
                .expect("05 02")
                .send("01 0c '<torS0X>0abc' 01 'x'")
                .expect(err(1))
                .failed(Kind.BAD_AUTH_EXTENSION),
            scenario("format9_err01")
                .send("05 01 02")
                .expect("05 02")
                .send("01 09 '<torS0X>9' 00")
                .expect(err(1))
                .failed(Kind.BAD_AUTH_EXTENSION),
            scenario("ipv6Client_badFormat_err6_01ByClientFamily")
                .client(Requests.ipv6Client())
                .send("05 01 02")
                .expect("05 02")
                .send("01 09 '<torS0X>1' 00")
                .expect(err6(1))
                .failed(Kind.BAD_AUTH_EXTENSION),
            scenario("lowerCasePrefix_ordinaryUsername")
                .send("05 01 02")
                .expect("05 02")
                .send("01 09 '<tors0x>1' 00")
                .expect("01 00")
                .send(CONNECT)
                .done(connect().credentials(Requests.userPass("<tors0x>1", "")).build()),
            scenario("brokenClientPath_badFormat_err01")
                .send("05 01 00")
                .expect("05 00")
                .send("01 09 '<torS0X>1' 00")
                .expect(err(1))
                .failed(Kind.BAD_AUTH_EXTENSION)));
  }
}
