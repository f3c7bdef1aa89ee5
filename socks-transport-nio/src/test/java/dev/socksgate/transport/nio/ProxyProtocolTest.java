package dev.socksgate.transport.nio;

import static dev.socksgate.transport.nio.ServerEvents.ProxyHeaderFailure.CLOSED;
import static dev.socksgate.transport.nio.ServerEvents.ProxyHeaderFailure.MALFORMED;
import static dev.socksgate.transport.nio.ServerEvents.ProxyHeaderFailure.TIMED_OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.socksgate.codec.proxy.ProxiedAddresses;
import dev.socksgate.codec.proxy.ProxyHeader;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.policy.ClientLimits;
import dev.socksgate.core.policy.SocksPolicy;
import dev.socksgate.core.testing.Requests;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A ProxyProtocol listener over loopback (HAProxy's proxy-protocol.txt): the connection from the
 * "balancer" (a client socket bound to 127.0.0.1) carries a header naming the real client, and that
 * address is the client for everything: accepted/closed events, the request's {@code ClientInfo}
 * (so IsolateClientAddr), the client policy and the per-address limit. Untrusted sources, bad
 * headers, silence and health checks close without a reply.
 */
class ProxyProtocolTest {

  private static final InetAddress BALANCER = Requests.ip("127.0.0.1");
  private static final InetAddress CLIENT_A = Requests.ip("127.0.0.2");
  private static final InetAddress CLIENT_B = Requests.ip("127.0.0.3");
  private static final InetAddress OTHER_SOURCE = Requests.ip("127.0.0.4");
  private static final int[] CHUNKS = {0, 1, 5};

  private static EchoOrigin echo;

  @BeforeAll
  static void startOrigin() throws IOException {
    echo = EchoOrigin.start(FakeNames.v4());
  }

  @AfterAll
  static void stopOrigin() throws IOException {
    echo.close();
  }

  private static Harness start(Consumer<NioServerConfig.Builder> more) throws IOException {
    return start(0, more);
  }

  private static Harness start(int ioLimit, Consumer<NioServerConfig.Builder> more)
      throws IOException {
    return Harness.options()
        .ioLimit(ioLimit)
        .config(
            b -> {
              b.listener(
                  new ListenerConfig(
                      new InetSocketAddress(FakeNames.v4(), 0),
                      ListenerSettings.torDefaults(3),
                      true));
              more.accept(b);
            })
        .start();
  }

  private static long refusals(Harness h, TransportStats.Refusal reason) {
    return h.server.stats().listeners().get(2).refused().get(reason);
  }

  private static InetSocketAddress proxied(Harness h) {
    return h.server.boundAddresses().get(2);
  }

  private static byte[] header(ProxyHeader.Version v, InetAddress client, int port) {
    return ProxyHeader.of(
            v,
            new ProxiedAddresses(
                new InetSocketAddress(client, port), new InetSocketAddress(BALANCER, 1080)))
        .toBytes();
  }

  private static byte[] connectToEcho() throws IOException {
    return Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), echo.address().getPort());
  }

  /** Sends header, greeting, CONNECT and payload (in chunks); expects the relay to echo. */
  private static void relay(Harness h, byte[] header, int chunk, boolean ipv6Client)
      throws IOException {
    byte[] payload = SocksClient.random(500, chunk);
    try (SocksClient c = SocksClient.connectFrom(BALANCER, proxied(h)).chunk(chunk)) {
      c.send(header, Wire.greeting(), connectToEcho(), payload);
      c.expect(new byte[] {5, 0});
      c.expect(Wire.generic(Socks5ReplyCode.SUCCEEDED, ipv6Client));
      c.expect(payload);
    }
  }

  private static List<InetSocketAddress> requestClients(Harness h) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (Object e : h.events.events()) {
      if (e instanceof StreamRequest r) {
        out.add(r.client().remote());
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> v1AndV2_carriedAddressIsTheClient_inEveryFeeding() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int ioLimit : new int[] {0, 3}) {
      for (ProxyHeader.Version v : ProxyHeader.Version.values()) {
        for (int chunk : CHUNKS) {
          String name =
              v
                  + (chunk == 0 ? ", coalesced with the handshake" : ", " + chunk + "-byte writes")
                  + (ioLimit > 0 ? ", server I/O 3 bytes/call" : "");
          tests.add(
              dynamicTest(
                  name,
                  () -> {
                    try (Harness h = start(ioLimit, b -> {})) {
                      relay(h, header(v, CLIENT_A, 40000 + chunk), chunk, false);
                      InetSocketAddress client = new InetSocketAddress(CLIENT_A, 40000 + chunk);
                      h.events.awaitOpen(0);
                      assertEquals(List.of(client), h.events.accepted());
                      assertEquals(List.of(client), requestClients(h));
                    }
                  }));
        }
      }
    }
    return tests.stream();
  }

  @Test
  void v2Tcp6Header_overIpv4Socket_makesAnIpv6Client() throws IOException {
    InetAddress v6 = Requests.ip("2001:db8::5");
    try (Harness h = start(b -> {})) {
      relay(h, header(ProxyHeader.Version.V2, v6, 1234), 0, true); // generic replies follow it
      assertEquals(List.of(new InetSocketAddress(v6, 1234)), requestClients(h));
    }
  }

  @Test
  void carriedAddress_isJudgedByTheClientPolicy() throws IOException {
    SocksPolicy policy = SocksPolicy.parse(List.of("reject 127.0.0.3, accept *"));
    try (Harness h = start(b -> b.clientPolicy(policy))) {
      try (SocksClient refused = SocksClient.connectFrom(BALANCER, proxied(h))) {
        refused.send(header(ProxyHeader.Version.V1, CLIENT_B, 1), Wire.greeting());
        refused.expectClosedWithNothing();
      }
      h.events.await("a policy refusal", l -> l.refusedByPolicy().equals(List.of(CLIENT_B)));
      assertEquals(1L, refusals(h, TransportStats.Refusal.POLICY), "counted after the header");
      relay(h, header(ProxyHeader.Version.V2, CLIENT_A, 2), 0, false);
      assertEquals(List.of(new InetSocketAddress(CLIENT_A, 2)), h.events.accepted());
      h.events.awaitOpen(0);
      assertEquals(0, h.server.connectionCount(), "the refused connection gave its slot back");
    }
  }

  @Test
  void carriedAddress_isCountedByThePerAddressLimit() throws IOException {
    ClientLimits limits = ClientLimits.of(1, 0);
    try (Harness h = start(b -> b.clientLimits(limits));
        SocksClient first = SocksClient.connectFrom(BALANCER, proxied(h))) {
      first.send(header(ProxyHeader.Version.V2, CLIENT_A, 1), Wire.greeting());
      first.expect(new byte[] {5, 0});
      try (SocksClient second = SocksClient.connectFrom(BALANCER, proxied(h))) {
        second.send(header(ProxyHeader.Version.V1, CLIENT_A, 2), Wire.greeting());
        second.expectClosedWithNothing();
      }
      h.events.await("a limit refusal", l -> l.refusedByAddressLimit().equals(List.of(CLIENT_A)));
      // The balancer's own address is not what is counted: another client through it is served.
      relay(h, header(ProxyHeader.Version.V2, CLIENT_B, 3), 0, false);
    }
  }

  @Test
  void isolationKeys_followTheCarriedAddress_notTheBalancer() throws IOException {
    try (Harness h = start(b -> {})) {
      relay(h, header(ProxyHeader.Version.V2, CLIENT_A, 1), 0, false);
      relay(h, header(ProxyHeader.Version.V2, CLIENT_B, 2), 0, false);
      relay(h, header(ProxyHeader.Version.V1, CLIENT_A, 3), 0, false);
      List<StreamRequest> r = new ArrayList<>();
      for (Object e : h.events.events()) {
        if (e instanceof StreamRequest req) {
          r.add(req);
        }
      }
      assertEquals(3, r.size());
      assertNotEquals(h.isolation.keyFor(r.get(0)), h.isolation.keyFor(r.get(1)));
      assertEquals(h.isolation.keyFor(r.get(0)), h.isolation.keyFor(r.get(2)));
    }
  }

  @Test
  void localAndUnknown_useTheSocketsAddress() throws IOException {
    try (Harness h = start(b -> {})) {
      relay(h, ProxyHeader.local(ProxyHeader.Version.V2).toBytes(), 0, false);
      try (SocksClient c = SocksClient.connectFrom(OTHER_SOURCE, proxied(h))) {
        c.send(ProxyHeader.local(ProxyHeader.Version.V1).toBytes(), Wire.greeting());
        c.expect(new byte[] {5, 0});
      }
      h.events.awaitOpen(0);
      List<InetAddress> clients =
          h.events.accepted().stream().map(InetSocketAddress::getAddress).toList();
      assertEquals(List.of(BALANCER, OTHER_SOURCE), clients);
    }
  }

  @Test
  void untrustedSource_isClosedAtAccept_withoutReadingTheHeader() throws IOException {
    try (Harness h = start(b -> b.proxyProtocolFrom(a -> a.equals(BALANCER)))) {
      try (SocksClient c = SocksClient.connectFrom(CLIENT_A, proxied(h))) {
        c.send(header(ProxyHeader.Version.V2, CLIENT_B, 1), Wire.greeting());
        c.expectClosedWithNothing();
      }
      h.events.await("an untrusted source", l -> l.proxyUntrusted().equals(List.of(CLIENT_A)));
      assertEquals(
          1L, refusals(h, TransportStats.Refusal.PROXY_UNTRUSTED), "counted as proxy_untrusted");
      assertEquals(List.of(), h.events.accepted());
      assertEquals(0, h.server.connectionCount());
      relay(h, header(ProxyHeader.Version.V1, CLIENT_B, 2), 0, false); // the balancer still works
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  @TestFactory
  Stream<DynamicTest> badHeaders_closeWithoutAReply() {
    String sig = "0d0a0d0a000d0a515549540a";
    String f = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
    record Bad(String name, byte[] wire) {}
    List<Bad> cases =
        List.of(
            new Bad("a SOCKS greeting, no header", Wire.greeting()),
            new Bad("an HTTP request", ascii("GET / HTTP/1.1\r\n\r\n")),
            new Bad(
                "v1 over 107 bytes", ascii("PROXY UNKNOWN " + f + " " + f + " 65535 655350\r\n")),
            new Bad("v1 without CRLF, 200 bytes", ascii("PROXY " + "A".repeat(194))),
            new Bad("v1 bare LF", ascii("PROXY TCP4 127.0.0.2 127.0.0.1 1 2\n")),
            new Bad("v1 bad address", ascii("PROXY TCP4 127.0.0.256 127.0.0.1 1 2\r\n")),
            new Bad("v2 length beyond the limit", hex(sig + "21 11 0401")),
            new Bad("v2 INET, 11 address bytes", hex(sig + "21 11 000b 7f000002 7f000001 0001 00")),
            new Bad(
                "v2 INET6, 12 address bytes", hex(sig + "21 21 000c 7f000002 7f000001 0001 0002")),
            new Bad("v2 broken TLV", hex(sig + "21 11 000e 7f000002 7f000001 0001 0002 0400")),
            new Bad("v2 command 2", hex(sig + "22 11 000c")),
            new Bad("v2 version 3", hex(sig + "31 11 000c")));
    return cases.stream()
        .map(
            bad ->
                dynamicTest(
                    bad.name(),
                    () -> {
                      try (Harness h = start(b -> {})) {
                        try (SocksClient c = SocksClient.connectFrom(BALANCER, proxied(h))) {
                          c.send(bad.wire(), Wire.greeting());
                          c.expectClosedWithNothing();
                        }
                        h.events.await(
                            "a malformed header",
                            l -> l.proxyFailures().equals(List.of(MALFORMED)));
                        assertEquals(List.of(), h.events.accepted());
                        assertEquals(0, h.server.connectionCount());
                      }
                    }));
  }

  @Test
  void truncatedHeaders_thenEof_closeWithoutAReply() throws IOException {
    byte[] v1 = header(ProxyHeader.Version.V1, CLIENT_A, 1);
    byte[] v2 = header(ProxyHeader.Version.V2, CLIENT_A, 1);
    try (Harness h = start(b -> {})) {
      for (byte[] truncated :
          new byte[][] {
            new byte[0],
            SocksClient.slice(v1, 0, v1.length - 1),
            SocksClient.slice(v2, 0, 15),
            SocksClient.slice(v2, 0, v2.length - 1)
          }) {
        try (SocksClient c = SocksClient.connectFrom(BALANCER, proxied(h))) {
          c.send(truncated);
          c.shutdownOutput();
          c.expectClosedWithNothing();
        }
      }
      h.events.await("four closed", l -> l.proxyFailures().size() == 4);
      assertEquals(List.of(CLOSED, CLOSED, CLOSED, CLOSED), h.events.proxyFailures());
      assertEquals(List.of(), h.events.accepted());
    }
  }

  @Test
  void silentAndSlowSources_closedAfterTheHeaderTimeout() throws IOException {
    try (Harness h = start(b -> b.proxyHeaderTimeout(Duration.ofMillis(200)))) {
      byte[] v2 = header(ProxyHeader.Version.V2, CLIENT_A, 1);
      try (SocksClient silent = SocksClient.connectFrom(BALANCER, proxied(h));
          SocksClient slow = SocksClient.connectFrom(BALANCER, proxied(h))) {
        slow.send(SocksClient.slice(v2, 0, 20));
        silent.expectClosedWithNothing();
        slow.expectClosedWithNothing();
      }
      h.events.await("two timeouts", l -> l.proxyFailures().equals(List.of(TIMED_OUT, TIMED_OUT)));
      assertEquals(0, h.server.connectionCount());
    }
  }

  @Test
  void stalledHeader_isShedAtTheCap_likeAStalledHandshake() throws IOException {
    try (Harness h = start(b -> b.maxConnections(1))) {
      try (SocksClient stalled = SocksClient.connectFrom(BALANCER, proxied(h))) {
        h.events.await("the slot taken", l -> h.server.connectionCount() == 1);
        h.advance(Duration.ofSeconds(2)); // past the shedding grace, on the fake clock
        try (SocksClient newcomer = SocksClient.connect(h.v4())) {
          newcomer.send(Wire.greeting());
          newcomer.expect(new byte[] {5, 0});
          stalled.expectClosedWithNothing();
        }
      }
      assertEquals(List.of(new InetSocketAddress(BALANCER, 0)).size(), h.events.shed().size());
      assertEquals(BALANCER, h.events.shed().get(0).getAddress());
    }
  }

  @Test
  void healthChecks_headerThenClose_areQuiet() throws IOException {
    try (Harness h = start(b -> {})) {
      // HAProxy's check-send-proxy: a header (v2 LOCAL, or v1 with the check's own addresses),
      // then the check closes without sending anything else.
      for (byte[] check :
          new byte[][] {
            ProxyHeader.local(ProxyHeader.Version.V2).toBytes(),
            header(ProxyHeader.Version.V1, BALANCER, 5555)
          }) {
        try (SocksClient c = SocksClient.connectFrom(BALANCER, proxied(h))) {
          c.send(check);
          c.shutdownOutput();
          c.expectClosedWithNothing();
        }
      }
      h.events.await("both closed", l -> l.accepted().size() == 2 && l.open() == 0);
      assertEquals(List.of(), h.events.events(), "no handshake failure, no request");
      assertEquals(List.of(), h.events.proxyFailures());
    }
  }

  @Test
  void plainListeners_doNotReadHeaders() throws IOException {
    try (Harness h = start(b -> {});
        SocksClient c = SocksClient.connect(h.v4())) {
      c.send(header(ProxyHeader.Version.V2, CLIENT_A, 1));
      c.expectClosedWithNothing(); // garbage to a SOCKS port: closed, as Tor does
      h.events.awaitOpen(0);
      assertEquals(List.of(), h.events.proxyFailures());
    }
  }
}
