package dev.socksgate.app.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.socksgate.app.support.EchoOrigin;
import dev.socksgate.app.support.SocksTestClient;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.policy.TorDestinationPolicy;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.ExitResult;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.core.session.StreamService;
import dev.socksgate.transport.nio.NioExit;
import dev.socksgate.transport.nio.NioExitConnector;
import dev.socksgate.transport.nio.NioServerConfig;
import dev.socksgate.transport.nio.NioSocksServer;
import dev.socksgate.transport.nio.NioTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The code of docs/embedding.md, compiled and run. Each {@code // doc:NAME} region below must
 * appear verbatim (up to indentation) as a code block in the document.
 */
class EmbeddingExampleTest {

  private static final Path DOC = Path.of("..", "docs", "embedding.md");

  // doc:resolver
  /** Answers from a fixed table; never touches DNS. */
  static final class TableResolver implements Resolver {
    @Override
    public CompletionStage<List<InetAddress>> resolve(String name, IsolationKey key) {
      List<InetAddress> answer =
          name.equals("app.internal") ? List.of(InetAddress.getLoopbackAddress()) : List.of();
      return CompletableFuture.completedFuture(answer);
    }

    @Override
    public CompletionStage<Optional<String>> reverse(InetAddress address, IsolationKey key) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
  }

  // doc:end

  // doc:exit
  /** Lets streams out only to allowed ports; everything else gets SOCKS5 reply 02. */
  static final class PortAllowlist implements ExitConnector<NioExit> {
    private final ExitConnector<NioExit> direct;
    private final List<Integer> allowed;

    PortAllowlist(ExitConnector<NioExit> direct, List<Integer> allowed) {
      this.direct = direct;
      this.allowed = allowed;
    }

    @Override
    public CompletionStage<ExitResult<NioExit>> connect(
        StreamRequest request, IsolationKey key, ByteBuffer earlyData) {
      if (!allowed.contains(request.target().port())) {
        return CompletableFuture.completedFuture(
            new ExitResult.Failed<>(StreamFailure.NOT_ALLOWED));
      }
      return direct.connect(request, key, earlyData);
    }
  }

  // doc:end

  @Test
  void codecAlone_decodesAGreeting() {
    // doc:codec
    ByteBuffer in = ByteBuffer.wrap(new byte[] {0x05, 0x02, 0x00, 0x02, /* next message: */ 0x01});
    Decoded<Socks5Greeting> d = Socks5Greeting.decode(in);
    if (d instanceof Decoded.Message<Socks5Greeting> m) {
      boolean password = m.value().offers(Socks5AuthMethod.USERNAME_PASSWORD); // true
      int leftover = in.remaining(); // 1: only the greeting was consumed
      // doc:end
      assertEquals(true, password);
      assertEquals(1, leftover);
      return;
    }
    throw new AssertionError(d);
  }

  @Test
  void embeddedServer_withOwnResolverAndExit() throws Exception {
    try (EchoOrigin origin = EchoOrigin.start()) {
      int originPort = origin.port();
      // doc:server
      NioTransport transport = new NioTransport(1);
      Resolver resolver = new TableResolver();
      ExitConnector<NioExit> exits =
          new PortAllowlist(
              new NioExitConnector(transport, resolver, Duration.ofSeconds(10)),
              List.of(originPort));
      StreamService<NioExit> service =
          new StreamService<>(
              resolver,
              exits,
              new TorIsolationPolicy(),
              new TorDestinationPolicy(false, false, false));
      NioSocksServer server =
          new NioSocksServer(
              transport,
              service,
              NioServerConfig.builder()
                  .listener(new InetSocketAddress("127.0.0.1", 0), ListenerSettings.torDefaults(1))
                  .build());
      server.start();
      InetSocketAddress proxy = server.boundAddresses().get(0); // port 0 → the real port
      // ... serve ...
      // doc:end
      try {
        try (SocksTestClient c = SocksTestClient.connect(proxy).noAuth()) {
          assertEquals(
              Socks5ReplyCode.SUCCEEDED,
              c.request(Socks5Command.CONNECT, SocksAddress.domain("app.internal"), originPort)
                  .rep());
          c.send("hi".getBytes(StandardCharsets.US_ASCII));
          assertArrayEquals("hi".getBytes(StandardCharsets.US_ASCII), c.readExactly(2));
        }
        try (SocksTestClient c = SocksTestClient.connect(proxy).noAuth()) {
          assertEquals(
              Socks5ReplyCode.NOT_ALLOWED,
              c.request(Socks5Command.CONNECT, SocksAddress.domain("app.internal"), originPort + 1)
                  .rep());
        }
      } finally {
        // doc:stop
        server.stop(Duration.ofSeconds(5)); // drains relays, then ends the loop threads
        // doc:end
      }
    }
  }

  @Test
  void documentHoldsEveryRegionVerbatim() throws IOException {
    String doc = normalize(Files.readString(DOC, StandardCharsets.UTF_8));
    String source =
        Files.readString(
            Path.of("src/test/java/dev/socksgate/app/docs/EmbeddingExampleTest.java"),
            StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("// doc:(\\w+)\\n(.*?)// doc:end", Pattern.DOTALL).matcher(source);
    int regions = 0;
    while (m.find()) {
      regions++;
      String region = normalize(m.group(2));
      assertInstanceOf(String.class, region);
      if (!doc.contains(region)) {
        throw new AssertionError("docs/embedding.md lacks region '" + m.group(1) + "':\n" + region);
      }
    }
    assertEquals(5, regions);
  }

  private static String normalize(String text) {
    return text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
