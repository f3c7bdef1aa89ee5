package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.HttpResistance;
import dev.socksgate.codec.http.HttpLimits;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.model.ListenerProtocols;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.Authenticator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP CONNECT on real loopback sockets: an HTTPTunnelPort listener (index 2) and a SOCKS listener
 * with HTTPTunnel (index 3), next to the harness's plain SOCKS listeners.
 */
class HttpTunnelTest {

  private static final byte[] OK = ascii("HTTP/1.0 200 OK\r\n\r\n");
  private static Harness harness;
  private static EchoOrigin echo;

  @BeforeAll
  static void start() throws IOException {
    harness =
        Harness.options()
            .config(
                b ->
                    b.listener(
                            new InetSocketAddress(FakeNames.v4(), 0),
                            listener(3, ListenerProtocols.HTTP))
                        .listener(
                            new InetSocketAddress(FakeNames.v4(), 0),
                            listener(4, ListenerProtocols.SOCKS_AND_HTTP)))
            .start();
    echo = EchoOrigin.start(FakeNames.v4());
  }

  private static ListenerSettings listener(int group, ListenerProtocols p) {
    return ListenerSettings.torDefaults(group).withProtocols(p);
  }

  @AfterAll
  static void stop() throws IOException {
    harness.close();
    echo.close();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static InetSocketAddress tunnel() {
    return harness.server.boundAddresses().get(2);
  }

  private static InetSocketAddress both() {
    return harness.server.boundAddresses().get(3);
  }

  private static byte[] connect(int port) {
    return ascii("CONNECT 127.0.0.1:" + port + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n");
  }

  @Test
  void connect_headCoalescedWithEarlyData_relaysInBothChunkings() throws IOException {
    for (int chunk : new int[] {0, 1}) {
      try (SocksClient c = SocksClient.connect(tunnel()).chunk(chunk)) {
        byte[] payload = SocksClient.random(700, chunk);
        c.send(connect(echo.address().getPort()), payload);
        c.expect(OK);
        c.expect(payload);
      }
    }
    harness.events.await(
        "an HTTP request",
        l ->
            l.events().stream()
                .anyMatch(e -> e instanceof StreamRequest r && r.protocol() == SocksProtocol.HTTP));
  }

  @Test
  void socksPortWithHttpTunnel_servesBothProtocols() throws IOException {
    try (SocksClient c = SocksClient.connect(both())) {
      c.send(connect(echo.address().getPort()), ascii("ping"));
      c.expect(OK);
      c.expect(ascii("ping"));
    }
    try (SocksClient c = SocksClient.connect(both())) {
      c.send(
          Wire.greeting(),
          Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), echo.address().getPort()),
          ascii("pong"));
      c.expect(new byte[] {5, 0});
      c.expect(Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
      c.expect(ascii("pong"));
    }
  }

  @Test
  void socksPortWithoutTheFlag_keepsTheResistancePage() throws IOException {
    try (SocksClient c = SocksClient.connect(harness.v4())) {
      c.send(connect(echo.address().getPort()));
      assertEquals(
          new String(HttpResistance.response(), StandardCharsets.ISO_8859_1),
          new String(c.readToEof(), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void optionsThenConnect_onOneConnection() throws IOException {
    try (SocksClient c = SocksClient.connect(tunnel()).chunk(3)) {
      c.send(
          ascii("OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
          connect(echo.address().getPort()));
      c.expect(ascii("HTTP/1.0 200 OK\r\nAllow: CONNECT, OPTIONS\r\nContent-Length: 0\r\n\r\n"));
      c.expect(OK);
      c.send(ascii("after"));
      c.expect(ascii("after"));
    }
  }

  @Test
  void headOverTheLimit_431AndClose() throws IOException {
    try (SocksClient c = SocksClient.connect(tunnel())) {
      byte[] head = new byte[HttpLimits.MAX_HEAD];
      Arrays.fill(head, (byte) 'a');
      byte[] start = ascii("CONNECT a:1 HTTP/1.1\r\nX: ");
      System.arraycopy(start, 0, head, 0, start.length);
      c.send(head);
      assertEquals(
          "HTTP/1.0 431 Request Header Fields Too Large\r\nContent-Length: 0\r\n"
              + "Connection: close\r\n\r\n",
          new String(c.readToEof(), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void refusedConnection_403NamingIt() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, FakeNames.v4())) {
      closedPort = s.getLocalPort();
    }
    try (SocksClient c = SocksClient.connect(tunnel())) {
      c.send(connect(closedPort));
      assertEquals(
          "HTTP/1.0 403 Connection refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
          new String(c.readToEof(), StandardCharsets.ISO_8859_1));
    }
    harness.events.await("the refusal", l -> l.events().contains(StreamFailure.CONNECTION_REFUSED));
  }

  @Test
  void nonConnectForARemoteHost_closedWithoutReply() throws IOException {
    try (SocksClient c = SocksClient.connect(tunnel())) {
      c.send(ascii("GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n"));
      c.expectClosedWithNothing();
    }
  }

  @Test
  void clientThatSendsHeadsAndNeverReads_isClosedAtSocksTimeout() throws IOException {
    try (Harness h =
        Harness.options()
            .config(
                b ->
                    b.socksTimeout(Duration.ofMillis(200))
                        .listener(
                            new InetSocketAddress(FakeNames.v4(), 0),
                            listener(3, ListenerProtocols.HTTP)))
            .start()) {
      try (SocksClient c = SocksClient.connect(h.server.boundAddresses().get(2))) {
        byte[] options = ascii("OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n");
        byte[] many = new byte[options.length * 2000]; // 80 KB of heads, no reads
        for (int i = 0; i < 2000; i++) {
          System.arraycopy(options, 0, many, i * options.length, options.length);
        }
        c.send(many);
        h.events.await("the connection closed", l -> l.open() == 0);
        assertTrue(h.events.open() == 0);
      }
    }
  }

  @Test
  void requiredPassword_basicCredentialsCheckedLikeRfc1929() throws IOException {
    Authenticator auth =
        (client, user, password) ->
            CompletableFuture.completedFuture(
                Arrays.equals(user, ascii("alice")) && Arrays.equals(password, ascii("s3cret")));
    try (Harness h =
        Harness.options()
            .config(
                b ->
                    b.handshake(new HandshakeOptions(true, false))
                        .authenticator(auth)
                        .listener(
                            new InetSocketAddress(FakeNames.v4(), 0),
                            listener(3, ListenerProtocols.HTTP)))
            .start()) {
      InetSocketAddress port = h.server.boundAddresses().get(2);
      int echoPort = echo.address().getPort();
      try (SocksClient c = SocksClient.connect(port)) {
        c.send(
            ascii(
                "CONNECT 127.0.0.1:"
                    + echoPort
                    + " HTTP/1.1\r\nProxy-Authorization: Basic YWxpY2U6czNjcmV0\r\n\r\nearly"));
        c.expect(OK);
        c.expect(ascii("early"));
      }
      try (SocksClient c = SocksClient.connect(port)) {
        c.send(
            ascii(
                "CONNECT 127.0.0.1:"
                    + echoPort
                    + " HTTP/1.1\r\nProxy-Authorization: Basic YWxpY2U6Z3Vlc3M=\r\n\r\n"));
        String answer = new String(c.readToEof(), StandardCharsets.ISO_8859_1);
        assertTrue(
            answer.startsWith(
                "HTTP/1.0 407 Proxy Authentication Required\r\n"
                    + "Proxy-Authenticate: Basic realm=\"socksgate\"\r\n"),
            answer);
      }
    }
  }

  @Test
  void perUserLimit_appliesToBasicUsersAsToRfc1929Ones() throws IOException {
    Authenticator auth = (client, user, password) -> CompletableFuture.completedFuture(true);
    try (Harness h =
        Harness.options()
            .config(
                b ->
                    b.handshake(new HandshakeOptions(true, false))
                        .authenticator(auth)
                        .clientLimits(dev.socksgate.core.policy.ClientLimits.of(0, 1))
                        .listener(
                            new InetSocketAddress(FakeNames.v4(), 0),
                            listener(3, ListenerProtocols.HTTP)))
            .start()) {
      InetSocketAddress port = h.server.boundAddresses().get(2);
      byte[] alice =
          ascii(
              "CONNECT 127.0.0.1:"
                  + echo.address().getPort()
                  + " HTTP/1.1\r\nProxy-Authorization: Basic YWxpY2U6eA==\r\n\r\n");
      try (SocksClient first = SocksClient.connect(port)) {
        first.send(alice, ascii("one"));
        first.expect(OK);
        first.expect(ascii("one"));
        try (SocksClient second = SocksClient.connect(port)) {
          second.send(alice);
          String answer = new String(second.readToEof(), StandardCharsets.ISO_8859_1);
          assertTrue(answer.startsWith("HTTP/1.0 407 "), answer);
        }
        assertEquals(1, h.events.refusedByUserLimit());
        first.send(ascii("still"));
        first.expect(ascii("still"));
      }
    }
  }
}
