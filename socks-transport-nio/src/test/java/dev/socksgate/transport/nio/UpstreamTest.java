package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v4.Socks4Command;
import dev.socksgate.codec.v4.Socks4Reply;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.PasswordAuthReply;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.model.IsolationFlags;
import dev.socksgate.core.model.ListenerSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our server chained through a recording SOCKS5 upstream: upstream credentials follow the isolation
 * keys, names reach the upstream unresolved, lookups are the upstream's, refusals pass through,
 * optimistic data arrives.
 */
class UpstreamTest {

  private static final InetAddress DOC = FakeNames.address(new byte[] {(byte) 192, 0, 2, 9});
  private RecordingUpstream upstream;
  private BlockingOrigin origin;
  private Harness h;
  private InetSocketAddress extended;

  @BeforeEach
  void start() throws IOException {
    upstream = new RecordingUpstream();
    origin = new BlockingOrigin(FakeNames.v4());
    upstream.names.put("far.test", FakeNames.v4());
    upstream.ptrs.put(DOC, "nine.test");
    upstream.refusals.put("down.test", Socks5ReplyCode.HOST_UNREACHABLE);
    upstream.refusals.put("gone.onion.test", Socks5ReplyCode.ONION_SERVICE_MISSING_CLIENT_AUTH);
    UpstreamCredentials creds = UpstreamCredentials.random();
    h =
        Harness.options()
            .resolverFactory(
                t ->
                    new UpstreamResolver(
                        t, new Upstream(upstream.address(), creds, Duration.ofSeconds(5))))
            .exits(
                (t, r) ->
                    new UpstreamExitConnector(
                        t, new Upstream(upstream.address(), creds, Duration.ofSeconds(5))))
            .config(
                b ->
                    b.listener(
                        new InetSocketAddress(FakeNames.v4(), 0),
                        ListenerSettings.of(IsolationFlags.TOR_DEFAULTS, 3, false, true)))
            .start();
    extended = h.server.boundAddresses().get(2);
  }

  @AfterEach
  void stop() throws IOException {
    h.close();
    upstream.close();
    origin.close();
  }

  private static SocksClient login(InetSocketAddress proxy, String user, String pass)
      throws IOException {
    SocksClient c = SocksClient.connect(proxy);
    c.send(Socks5Greeting.of(Socks5AuthMethod.USERNAME_PASSWORD).toBytes());
    c.expect(new Socks5MethodSelection(Socks5AuthMethod.USERNAME_PASSWORD).toBytes());
    c.send(
        new PasswordAuthRequest(
                user.getBytes(StandardCharsets.US_ASCII), pass.getBytes(StandardCharsets.US_ASCII))
            .toBytes());
    c.expect(PasswordAuthReply.SUCCESS.toBytes());
    return c;
  }

  private void connectByName(SocksClient c) throws Exception {
    c.send(
        new Socks5Request(Socks5Command.CONNECT, SocksAddress.domain("far.test"), origin.port())
            .toBytes());
    assertEquals(Socks5ReplyCode.SUCCEEDED, c.readSocks5Reply().rep());
    try (Socket s = origin.accept()) {
      c.send("x".getBytes(StandardCharsets.US_ASCII));
      assertEquals('x', s.getInputStream().read());
    }
  }

  @Test
  void credentials_followIsolationKeys_andNewIdentity() throws Exception {
    try (SocksClient a1 = login(h.v4(), "alice", "one");
        SocksClient a2 = login(h.v4(), "alice", "one");
        SocksClient b = login(h.v4(), "bob", "two")) {
      connectByName(a1);
      connectByName(a2);
      connectByName(b);
    }
    h.isolation.newIdentity();
    try (SocksClient a3 = login(h.v4(), "alice", "one")) {
      connectByName(a3);
    }
    RecordingUpstream.Session s1 = upstream.sessions.get(0);
    assertEquals("<torS0X>0", s1.username());
    assertEquals(64, s1.password().length());
    assertEquals(s1.password(), upstream.sessions.get(1).password(), "same key, same password");
    assertNotEquals(s1.password(), upstream.sessions.get(2).password(), "other credentials");
    assertNotEquals(s1.password(), upstream.sessions.get(3).password(), "after NEWNYM");
    for (RecordingUpstream.Session s : upstream.sessions) {
      assertNotEquals("one", s.password(), "the client's own password never leaves");
      assertEquals(
          SocksAddress.domain("far.test"),
          s.request().dstAddr(),
          "the name reaches the upstream unresolved");
    }
  }

  @Test
  void optimisticData_inOneWriteWithTheRequest_arrives() throws Exception {
    byte[] payload = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    try (SocksClient c = SocksClient.connect(h.v4())) {
      c.send(
          Socks5Greeting.of(Socks5AuthMethod.NO_AUTH).toBytes(),
          new Socks5Request(Socks5Command.CONNECT, SocksAddress.domain("far.test"), origin.port())
              .toBytes(),
          payload);
      c.expect(new Socks5MethodSelection(Socks5AuthMethod.NO_AUTH).toBytes());
      try (Socket s = origin.accept()) {
        assertArrayEquals(payload, s.getInputStream().readNBytes(payload.length));
        s.getOutputStream().write("pong".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Socks5ReplyCode.SUCCEEDED, c.readSocks5Reply().rep());
        c.expect("pong".getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  @Test
  void resolveAndResolvePtr_areTheUpstreams() throws Exception {
    try (SocksClient c = SocksClient.connect(h.v4())) {
      c.send(
          Socks5Greeting.of(Socks5AuthMethod.NO_AUTH).toBytes(),
          new Socks5Request(Socks5Command.RESOLVE, SocksAddress.domain("far.test"), 0).toBytes());
      c.expect(new Socks5MethodSelection(Socks5AuthMethod.NO_AUTH).toBytes());
      assertEquals(
          Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, SocksAddress.of(FakeNames.v4()), 0),
          c.readSocks5Reply());
    }
    try (SocksClient c = SocksClient.connect(h.v4())) {
      c.send(
          Socks5Greeting.of(Socks5AuthMethod.NO_AUTH).toBytes(),
          new Socks5Request(Socks5Command.RESOLVE_PTR, SocksAddress.of(DOC), 0).toBytes());
      c.expect(new Socks5MethodSelection(Socks5AuthMethod.NO_AUTH).toBytes());
      assertEquals(
          Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, SocksAddress.domain("nine.test"), 0),
          c.readSocks5Reply());
    }
    assertEquals(Socks5Command.RESOLVE, upstream.sessions.get(0).request().command());
    assertEquals(Socks5Command.RESOLVE_PTR, upstream.sessions.get(1).request().command());
  }

  @Test
  void upstreamRefusals_passThrough() throws Exception {
    assertEquals(Socks5ReplyCode.HOST_UNREACHABLE, refusal(h.v4(), "down.test"));
    assertEquals(
        Socks5ReplyCode.GENERAL_FAILURE,
        refusal(h.v4(), "gone.onion.test"),
        "F4 only on an ExtendedErrors listener");
    assertEquals(
        Socks5ReplyCode.ONION_SERVICE_MISSING_CLIENT_AUTH, refusal(extended, "gone.onion.test"));
    try (SocksClient c = SocksClient.connect(h.v4())) {
      c.send(
          Socks4Request.socks4a(
                  Socks4Command.CONNECT,
                  dev.socksgate.codec.DomainName.of("down.test"),
                  80,
                  new byte[0])
              .toBytes());
      c.expect(Socks4Reply.rejected().toBytes());
    }
  }

  private static Socks5ReplyCode refusal(InetSocketAddress proxy, String name) throws Exception {
    try (SocksClient c = SocksClient.connect(proxy)) {
      c.send(
          Socks5Greeting.of(Socks5AuthMethod.NO_AUTH).toBytes(),
          new Socks5Request(Socks5Command.CONNECT, SocksAddress.domain(name), 80).toBytes());
      c.expect(new Socks5MethodSelection(Socks5AuthMethod.NO_AUTH).toBytes());
      return c.readSocks5Reply().rep();
    }
  }

  @Test
  void unreachableUpstream_isAGeneralFailure() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, FakeNames.v4())) {
      closed = s.getLocalPort();
    }
    try (Harness dead =
        Harness.options()
            .exits(
                (t, r) ->
                    new UpstreamExitConnector(
                        t,
                        new Upstream(
                            new InetSocketAddress(FakeNames.v4(), closed),
                            UpstreamCredentials.random(),
                            Duration.ofSeconds(5))))
            .start()) {
      assertEquals(Socks5ReplyCode.GENERAL_FAILURE, refusal(dead.v4(), "far.test"));
    }
  }
}
