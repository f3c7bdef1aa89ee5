package dev.socksgate.core.handshake;

import static dev.socksgate.core.handshake.Transcript.scenario;
import static dev.socksgate.core.testing.Requests.addr;
import static dev.socksgate.core.testing.Requests.name;

import dev.socksgate.core.handshake.HandshakeError.Kind;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.IsolationFlags;
import dev.socksgate.core.model.ListenerProtocols;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.testing.Requests;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * HTTP CONNECT through the server handshake (torspec {@code http-connect}): every scenario runs fed
 * whole, byte by byte and coalesced with what follows ({@link TranscriptRunner}).
 */
class HttpConnectHandshakeTest {

  private static final ListenerSettings TUNNEL =
      ListenerSettings.torDefaults(Requests.GROUP).withProtocols(ListenerProtocols.HTTP);
  private static final ListenerSettings BOTH =
      ListenerSettings.torDefaults(Requests.GROUP).withProtocols(ListenerProtocols.SOCKS_AND_HTTP);
  private static final ClientInfo CLIENT = Requests.client("127.0.0.1", TUNNEL);
  private static final Credentials.HttpIsolation NO_HEADERS =
      new Credentials.HttpIsolation(Optional.empty(), Optional.empty(), Optional.empty());

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] closing(String statusLine) {
    return text("HTTP/1.0 " + statusLine + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  }

  private static Transcript.Builder http(String name) {
    return scenario(name).client(CLIENT);
  }

  private static Requests.Builder connect(
      dev.socksgate.core.model.Host host, int port, Credentials c) {
    return Requests.connect(host, port).protocol(SocksProtocol.HTTP).credentials(c).client(CLIENT);
  }

  private static StreamRequest connect(dev.socksgate.core.model.Host host, int port) {
    return connect(host, port, NO_HEADERS)
        .safe(!(host instanceof dev.socksgate.core.model.Host.Address))
        .build();
  }

  @TestFactory
  Stream<DynamicNode> requests() {
    return TranscriptRunner.tests(
        List.of(
            http("connectName_http11_done")
                .send(text("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"))
                .done(connect(name("example.com"), 443)),
            http("connectIpv4_http10_doneUnsafe")
                .send(text("CONNECT 127.0.0.1:80 HTTP/1.0\r\n\r\n"))
                .done(connect(addr("127.0.0.1"), 80)),
            http("connectBracketedIpv6_done")
                .send(text("CONNECT [::1]:8080 HTTP/1.1\r\n\r\n"))
                .done(connect(addr("::1"), 8080)),
            http("connectUpperCaseName_isLowerCased")
                .send(text("CONNECT Example.COM:443 HTTP/1.1\r\n\r\n"))
                .done(connect(name("example.com"), 443)),
            http("bytesAfterTheHead_areEarlyData")
                .send(text("CONNECT example.com:80 HTTP/1.1\r\n\r\n"))
                .trailing(text("GET / HTTP/1.1\r\n\r\n"))
                .done(connect(name("example.com"), 80)),
            http("isolationHeaders_firstOfEachWins")
                .send(
                    text(
                        "CONNECT example.com:443 HTTP/1.1\r\n"
                            + "Proxy-Authorization: Basic dG9yLWlzbzprZXk=\r\n"
                            + "tor-stream-isolation: one\r\n"
                            + "Tor-Stream-Isolation: two\r\n"
                            + "X-Tor-Stream-Isolation: legacy\r\n"
                            + "Proxy-Authorization: Basic other\r\n\r\n"))
                .done(
                    connect(
                            name("example.com"),
                            443,
                            new Credentials.HttpIsolation(
                                Optional.of("Basic dG9yLWlzbzprZXk="),
                                Optional.of("one"),
                                Optional.of("legacy")))
                        .build()),
            http("optionsFromLocalhost_200ThenConnect")
                .send(text("OPTIONS * HTTP/1.1\r\nHost: localhost:9080\r\n\r\n"))
                .expect(
                    text("HTTP/1.0 200 OK\r\nAllow: CONNECT, OPTIONS\r\nContent-Length: 0\r\n\r\n"))
                .send(text("CONNECT example.com:443 HTTP/1.1\r\n\r\n"))
                .done(connect(name("example.com"), 443)),
            http("optionsForARemoteHost_closedWithoutReply")
                .send(text("OPTIONS * HTTP/1.1\r\nHost: example.com\r\n\r\n"))
                .failed(Kind.UNKNOWN_PROTOCOL),
            http("getWithoutHost_closedWithoutReply")
                .send(text("GET / HTTP/1.0\r\n\r\n"))
                .failed(Kind.UNKNOWN_PROTOCOL),
            http("getForARebindingName_closedWithoutReply")
                .send(text("GET http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\n\r\n"))
                .failed(Kind.UNKNOWN_PROTOCOL),
            http("getFromIpv6Loopback_405Page")
                .send(text("GET / HTTP/1.1\r\nHost: [::1]:9080\r\n\r\n"))
                .expect(Arrays.copyOf(notAProxy(), notAProxy().length))
                .failed(Kind.HTTP_REQUEST),
            http("bareLf_400")
                .send(text("CONNECT example.com:443 HTTP/1.1\n"))
                .expect(closing("400 Bad Request: malformed line-ending"))
                .failed(Kind.SYNTAX),
            http("missingPort_400")
                .send(text("CONNECT example.com HTTP/1.1\r\n\r\n"))
                .expect(closing("400 Bad Request: malformed port"))
                .failed(Kind.SYNTAX),
            http("portZero_400")
                .send(text("CONNECT example.com:0 HTTP/1.1\r\n\r\n"))
                .expect(closing("400 Bad Request: invalid destination"))
                .failed(Kind.INVALID_DESTINATION),
            http("portOver65535_400")
                .send(text("CONNECT example.com:65536 HTTP/1.1\r\n\r\n"))
                .expect(closing("400 Bad Request: malformed port"))
                .failed(Kind.SYNTAX),
            http("unclosedBracket_400")
                .send(text("CONNECT [::1 HTTP/1.1\r\n\r\n"))
                .expect(closing("400 Bad Request: malformed host"))
                .failed(Kind.SYNTAX),
            http("nonAsciiName_400")
                .send(text("CONNECT b\u00fccher.example:443 HTTP/1.1\r\n"))
                .expect(closing("400 Bad Request: malformed request-line"))
                .trailing(text("\r\n"))
                .failed(Kind.SYNTAX),
            http("invalidTorHostName_400")
                .send(text("CONNECT -bad.example:443 HTTP/1.1\r\n\r\n"))
                .expect(closing("400 Bad Request: invalid destination"))
                .failed(Kind.INVALID_DESTINATION),
            http("hostOver255_414")
                .send(text("CONNECT " + "a".repeat(256) + ":443 HTTP/1.1\r\n\r\n"))
                .expect(closing("414 Request-URI Too Long"))
                .failed(Kind.TOO_LONG),
            http("http2_400")
                .send(text("CONNECT example.com:443 HTTP/2.0\r\n"))
                .expect(closing("400 Bad Request: malformed unsupported HTTP version"))
                .failed(Kind.SYNTAX),
            http("aSocksGreetingOnAnHttpTunnelPort_400")
                .send("05")
                .expect(closing("400 Bad Request: malformed request-line"))
                .trailing("01 00")
                .failed(Kind.SYNTAX),
            http("safeSocks_ipTarget_403")
                .options(new HandshakeOptions(false, true))
                .send(text("CONNECT 127.0.0.1:80 HTTP/1.1\r\n\r\n"))
                .expect(closing("403 Forbidden: SafeSocks refuses IP address targets"))
                .failed(Kind.UNSAFE_REQUEST),
            http("safeSocks_nameTarget_done")
                .options(new HandshakeOptions(false, true))
                .send(text("CONNECT example.com:80 HTTP/1.1\r\n\r\n"))
                .done(connect(name("example.com"), 80)),
            scenario("socksAndHttpListener_connectGoesToHttp")
                .client(Requests.client("127.0.0.1", BOTH))
                .send(text("CONNECT example.com:443 HTTP/1.1\r\n\r\n"))
                .done(
                    connect(name("example.com"), 443, NO_HEADERS)
                        .client(Requests.client("127.0.0.1", BOTH))
                        .build()),
            scenario("socksAndHttpListener_socks5Still")
                .client(Requests.client("127.0.0.1", BOTH))
                .send("05 01 00")
                .expect("05 00")
                .send("05 01 00 03 0b 'example.com' 01bb")
                .done(
                    Requests.connect(name("example.com"), 443)
                        .client(Requests.client("127.0.0.1", BOTH))
                        .build())));
  }

  private static final HandshakeOptions REQUIRED = new HandshakeOptions(true, false);

  private static Transcript.Builder authenticated(String name) {
    return http(name)
        .options(REQUIRED)
        .authenticator(
            c ->
                Arrays.equals(c.username(), text("alice"))
                    && Arrays.equals(c.password(), text("right")));
  }

  private static final byte[] CHALLENGE =
      text(
          "HTTP/1.0 407 Proxy Authentication Required\r\n"
              + "Proxy-Authenticate: Basic realm=\"socksgate\"\r\n"
              + "Content-Length: 0\r\nConnection: close\r\n\r\n");

  @TestFactory
  Stream<DynamicNode> authentication() {
    String right = "Basic YWxpY2U6cmlnaHQ="; // alice:right
    return TranscriptRunner.tests(
        List.of(
            authenticated("rightCredentials_doneWithEarlyData")
                .send(
                    text(
                        "CONNECT example.com:443 HTTP/1.1\r\nProxy-Authorization: "
                            + right
                            + "\r\n\r\n"))
                .trailing(text("hello"))
                .done(
                    connect(
                            name("example.com"),
                            443,
                            new Credentials.HttpIsolation(
                                Optional.of(right), Optional.empty(), Optional.empty()))
                        .build()),
            authenticated("wrongPassword_407")
                .send(
                    text(
                        "CONNECT example.com:443 HTTP/1.1\r\n"
                            + "Proxy-Authorization: Basic YWxpY2U6d3Jvbmc=\r\n\r\n"))
                .expect(CHALLENGE)
                .failed(Kind.AUTH_FAILED),
            authenticated("noCredentials_407")
                .send(text("CONNECT example.com:443 HTTP/1.1\r\n\r\n"))
                .expect(CHALLENGE)
                .failed(Kind.AUTH_FAILED),
            authenticated("notBase64_407")
                .send(
                    text(
                        "CONNECT example.com:443 HTTP/1.1\r\n"
                            + "Proxy-Authorization: Basic !!!\r\n\r\n"))
                .expect(CHALLENGE)
                .failed(Kind.AUTH_FAILED),
            authenticated("otherScheme_407")
                .send(
                    text(
                        "CONNECT example.com:443 HTTP/1.1\r\n"
                            + "Proxy-Authorization: Bearer abc\r\n\r\n"))
                .expect(CHALLENGE)
                .failed(Kind.AUTH_FAILED)));
  }

  private static byte[] notAProxy() {
    java.nio.ByteBuffer b = HttpAnswers.notAProxy();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  static {
    // The listener the scenarios use really is an HTTPTunnelPort.
    if (TUNNEL.protocols() != ListenerProtocols.HTTP
        || !TUNNEL.isolation().equals(IsolationFlags.TOR_DEFAULTS)) {
      throw new AssertionError("test setup");
    }
  }
}
