package dev.socksgate.app.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.Host;
import dev.socksgate.transport.nio.NioSocksServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our server chained through a second instance of itself: the front one runs the production modules
 * with {@code --upstream}, the back one has recording test adapters. What the back one sees is what
 * a Tor upstream would see.
 */
class UpstreamChainTest {

  private final TestAdaptersModule back =
      new TestAdaptersModule(
          Map.of("service.test", List.of(InetAddress.getLoopbackAddress())), Map.of());
  private EchoOrigin origin;
  private Lifecycle backLife;
  private Lifecycle frontLife;
  private Injector front;
  private InetSocketAddress proxy;

  private static AppConfig config(String... args) throws Exception {
    return ((Invocation.Run)
            new CliParser(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .parse(args))
        .config();
  }

  @BeforeEach
  void start() throws Exception {
    origin = EchoOrigin.start();
    List<Module> backModules =
        new ArrayList<>(
            ServerModules.withoutAdapters(config("--socks-port", "127.0.0.1:0", "--loops", "1")));
    backModules.add(back);
    Injector backInjector = Injectors.create(backModules);
    backLife = backInjector.getInstance(Lifecycle.class);
    backLife.start();
    InetSocketAddress backAddress =
        backInjector.getInstance(NioSocksServer.class).boundAddresses().get(0);
    front =
        Injectors.create(
            ServerModules.production(
                config(
                    "--socks-port",
                    "127.0.0.1:0",
                    "--loops",
                    "1",
                    "--upstream",
                    "socks5://127.0.0.1:" + backAddress.getPort())));
    frontLife = front.getInstance(Lifecycle.class);
    frontLife.start();
    proxy = front.getInstance(NioSocksServer.class).boundAddresses().get(0);
  }

  @AfterEach
  void stop() throws Exception {
    frontLife.stop(Duration.ofSeconds(5));
    backLife.stop(Duration.ofSeconds(5));
    origin.close();
  }

  private void echo(String user, String password) throws Exception {
    try (SocksTestClient c = SocksTestClient.connect(proxy).login(user, password)) {
      assertEquals(
          Socks5ReplyCode.SUCCEEDED,
          c.request(Socks5Command.CONNECT, SocksAddress.domain("service.test"), origin.port())
              .rep());
      c.send("chained".getBytes(StandardCharsets.US_ASCII));
      assertArrayEquals("chained".getBytes(StandardCharsets.US_ASCII), c.readExactly(7));
    }
  }

  private String upstreamPassword(int i) {
    Credentials.UsernamePassword up =
        assertInstanceOf(
            Credentials.UsernamePassword.class, back.exits.get(i).request().credentials());
    assertEquals("<torS0X>0", new String(up.username(), StandardCharsets.US_ASCII));
    return new String(up.password(), StandardCharsets.US_ASCII);
  }

  @Test
  void isolationKeysBecomeUpstreamCredentials_namesStayNames() throws Exception {
    echo("alice", "one");
    echo("alice", "one");
    echo("bob", "two");
    front.getInstance(TorIsolationPolicy.class).newIdentity();
    echo("alice", "one");
    assertEquals(4, back.exits.size());
    assertEquals(upstreamPassword(0), upstreamPassword(1));
    assertNotEquals(upstreamPassword(0), upstreamPassword(2));
    assertNotEquals(upstreamPassword(0), upstreamPassword(3));
    for (TestAdaptersModule.Seen s : back.exits) {
      assertEquals(new Host.Name("service.test"), s.request().target().host());
    }
  }

  @Test
  void resolve_isAnsweredUpstream() throws Exception {
    try (SocksTestClient c = SocksTestClient.connect(proxy).noAuth()) {
      Socks5Reply r = c.request(Socks5Command.RESOLVE, SocksAddress.domain("service.test"), 0);
      assertEquals(
          Socks5Reply.of(
              Socks5ReplyCode.SUCCEEDED, SocksAddress.of(InetAddress.getLoopbackAddress()), 0),
          r);
    }
    assertEquals("service.test", back.lookups.get(0).query());
  }
}
