package dev.socksgate.core.handshake;

import static dev.socksgate.core.handshake.Transcript.scenario;
import static dev.socksgate.core.testing.Requests.addr;
import static dev.socksgate.core.testing.Requests.name;
import static dev.socksgate.core.testing.Vectors.S4REJ;
import static dev.socksgate.core.testing.Vectors.err;

import dev.socksgate.core.handshake.HandshakeError.Kind;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.testing.Requests;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * SafeSocks (Tor reference §14 (docs/tor-reference.md), §6.2): requests that carry only an IP
 * address for CONNECT or RESOLVE are refused with {@code S4REJ} or {@code ERR(02)}; SOCKS4a,
 * hostnames (even ones that hold an IP literal) and RESOLVE_PTR still work. Without SafeSocks the
 * same requests pass, marked unsafe.
 */
class SafeSocksTest {

  private static final HandshakeOptions SAFE_SOCKS = new HandshakeOptions(false, true);

  private static Transcript.Builder safe(String name) {
    return scenario(name).options(SAFE_SOCKS);
  }

  private static Transcript.Builder safe5(String name, String request) {
    return safe(name).send("05 01 00").expect("05 00").send(request);
  }

  @TestFactory
  Stream<DynamicNode> refused() {
    return TranscriptRunner.tests(
        List.of(
            safe("socks4Connect_s4rej")
                .send("04 01 0050 5db8d822 00")
                .expect(S4REJ)
                .failed(Kind.UNSAFE_REQUEST),
            safe("socks4Resolve_s4rej")
                .send("04 f0 0000 7f000001 00")
                .expect(S4REJ)
                .failed(Kind.UNSAFE_REQUEST),
            safe5("socks5ConnectIpv4_err02", "05 01 00 01 5db8d822 0050")
                .expect(err(2))
                .failed(Kind.UNSAFE_REQUEST),
            safe5("socks5ConnectIpv6_err02", "05 01 00 04 20010db8 00000000 00000000 00000001 0050")
                .expect(err(2))
                .failed(Kind.UNSAFE_REQUEST),
            safe5("socks5ResolveIpv4_err02", "05 f0 00 01 08080808 0000")
                .expect(err(2))
                .failed(Kind.UNSAFE_REQUEST),
            safe("ipv6Client_socks5ConnectIpv4_err02ParserForm")
                .client(Requests.ipv6Client())
                .send("05 01 00")
                .expect("05 00")
                .send("05 01 00 01 5db8d822 0050")
                .expect(err(2))
                .failed(Kind.UNSAFE_REQUEST)));
  }

  @TestFactory
  Stream<DynamicNode> stillAccepted() {
    return TranscriptRunner.tests(
        List.of(
            safe("socks4a_connect")
                .send("04 01 0050 00000001 00 'example.com' 00")
                .done(
                    Requests.connect(name("example.com"), 80)
                        .protocol(SocksProtocol.SOCKS4A)
                        .build()),
            safe("socks4a_ipLiteralHostname")
                .send("04 01 0050 00000001 00 '10.1.2.3' 00")
                .done(
                    Requests.connect(addr("10.1.2.3"), 80).protocol(SocksProtocol.SOCKS4A).build()),
            safe5("socks5DomainHoldingIpLiteral", "05 01 00 03 07 '8.8.8.8' 0035")
                .done(Requests.connect(addr("8.8.8.8"), 53).build()),
            safe5("socks5ResolvePtrIpv4", "05 f1 00 01 08080808 0000")
                .done(Requests.resolvePtr("8.8.8.8").build())));
  }

  @TestFactory
  Stream<DynamicNode> withoutSafeSocks_markedUnsafe() {
    return TranscriptRunner.tests(
        List.of(
            scenario("socks4Connect")
                .send("04 01 0050 5db8d822 00")
                .done(
                    Requests.connect(addr("93.184.216.34"), 80)
                        .protocol(SocksProtocol.SOCKS4)
                        .safe(false)
                        .build()),
            scenario("socks5ConnectIpv4")
                .send("05 01 00")
                .expect("05 00")
                .send("05 01 00 01 5db8d822 0050")
                .done(Requests.connect(addr("93.184.216.34"), 80).safe(false).build())));
  }
}
