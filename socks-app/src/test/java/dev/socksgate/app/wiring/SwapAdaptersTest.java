package dev.socksgate.app.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import com.google.inject.Module;
import dev.socksgate.app.cli.CliParser;
import dev.socksgate.app.cli.Invocation;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.support.EchoOrigin;
import dev.socksgate.app.support.SocksTestClient;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.model.Host;
import dev.socksgate.transport.nio.NioSocksServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real injector with the resolver and exit connector swapped for test adapters, driven by real
 * SOCKS clients: asserts what each adapter saw (names unresolved at the exit, isolation keys).
 */
class SwapAdaptersTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final InetAddress DOC_ADDRESS = address("192.0.2.7");

  private final TestAdaptersModule adapters =
      new TestAdaptersModule(
          Map.of("service.test", List.of(LOOPBACK)), Map.of(DOC_ADDRESS, "seven.test"));
  private EchoOrigin origin;
  private Injector injector;
  private Lifecycle lifecycle;
  private InetSocketAddress proxy;

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByAddress(literal, InetAddress.getByName(literal).getAddress());
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @BeforeEach
  void start() throws Exception {
    origin = EchoOrigin.start();
    AppConfig config =
        ((Invocation.Run)
                new CliParser(
                        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                    .parse(new String[] {"--socks-port", "127.0.0.1:0", "--loops", "1"}))
            .config();
    List<Module> modules = new ArrayList<>(ServerModules.withoutAdapters(config));
    modules.add(adapters);
    injector = Injectors.create(modules);
    lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    proxy = injector.getInstance(NioSocksServer.class).boundAddresses().get(0);
  }

  @AfterEach
  void stop() throws Exception {
    lifecycle.stop(Duration.ofSeconds(5));
    origin.close();
  }

  private void echoThrough(SocksTestClient c) throws Exception {
    Socks5Reply reply =
        c.request(Socks5Command.CONNECT, SocksAddress.domain("service.test"), origin.port());
    assertEquals(Socks5ReplyCode.SUCCEEDED, reply.rep());
    byte[] payload = "ping through the swapped exit".getBytes(StandardCharsets.US_ASCII);
    c.send(payload);
    assertArrayEquals(payload, c.readExactly(payload.length));
  }

  @Test
  void connectByName_reachesTheExitUnresolved_withCredentialKeys() throws Exception {
    try (SocksTestClient a1 = SocksTestClient.connect(proxy).login("alice", "pw-1");
        SocksTestClient a2 = SocksTestClient.connect(proxy).login("alice", "pw-1");
        SocksTestClient b = SocksTestClient.connect(proxy).login("bob", "pw-2")) {
      echoThrough(a1);
      echoThrough(a2);
      echoThrough(b);
    }
    assertEquals(3, adapters.exits.size());
    for (TestAdaptersModule.Seen s : adapters.exits) {
      assertEquals(
          new Host.Name("service.test"),
          s.request().target().host(),
          "the exit connector got the name, not an address");
    }
    assertEquals(
        adapters.exits.get(0).key(),
        adapters.exits.get(1).key(),
        "same credentials, same client address: may share");
    assertNotEquals(
        adapters.exits.get(0).key(),
        adapters.exits.get(2).key(),
        "different credentials: isolated");
    assertTrue(
        adapters.lookups.stream().anyMatch(l -> l.query().equals("service.test")),
        "the direct exit resolved the name through the swapped resolver");
  }

  @Test
  void newIdentity_separatesLaterStreams() throws Exception {
    try (SocksTestClient before = SocksTestClient.connect(proxy).login("alice", "pw")) {
      echoThrough(before);
    }
    injector.getInstance(TorIsolationPolicy.class).newIdentity();
    try (SocksTestClient after = SocksTestClient.connect(proxy).login("alice", "pw")) {
      echoThrough(after);
    }
    assertNotEquals(adapters.exits.get(0).key(), adapters.exits.get(1).key());
  }

  @Test
  void resolveAndResolvePtr_areAnsweredByTheSwappedResolver() throws Exception {
    try (SocksTestClient c = SocksTestClient.connect(proxy).noAuth()) {
      Socks5Reply r = c.request(Socks5Command.RESOLVE, SocksAddress.domain("service.test"), 0);
      assertEquals(Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, SocksAddress.of(LOOPBACK), 0), r);
    }
    try (SocksTestClient c = SocksTestClient.connect(proxy).noAuth()) {
      Socks5Reply r = c.request(Socks5Command.RESOLVE_PTR, SocksAddress.of(DOC_ADDRESS), 0);
      assertEquals(
          Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, SocksAddress.domain("seven.test"), 0), r);
    }
    try (SocksTestClient c = SocksTestClient.connect(proxy).noAuth()) {
      Socks5Reply r = c.request(Socks5Command.RESOLVE, SocksAddress.domain("nowhere.test"), 0);
      assertEquals(Socks5Reply.unspecified(Socks5ReplyCode.HOST_UNREACHABLE), r);
    }
    assertEquals(
        List.of("service.test", "192.0.2.7", "nowhere.test"),
        adapters.lookups.stream().map(TestAdaptersModule.Lookup::query).toList());
    assertTrue(adapters.exits.isEmpty(), "lookups never open an exit");
  }

  @Test
  void jdkSocksClient_throughTheSwappedAdapters() throws Exception {
    try (Socket s = new Socket(new Proxy(Proxy.Type.SOCKS, proxy))) {
      s.setSoTimeout(10_000);
      s.connect(InetSocketAddress.createUnresolved("service.test", origin.port()), 10_000);
      s.getOutputStream().write(new byte[] {1, 2, 3});
      assertArrayEquals(new byte[] {1, 2, 3}, s.getInputStream().readNBytes(3));
    }
    assertEquals(new Host.Name("service.test"), adapters.exits.get(0).request().target().host());
  }
}
