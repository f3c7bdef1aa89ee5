package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.model.Target;
import dev.socksgate.core.port.ExitResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The direct exit connector beyond the contract: names, address fallback, failures, timeout. */
class NioExitConnectorTest {

  private NioTransport transport;
  private JdkResolver resolver;
  private final FakeNames names = new FakeNames();

  @BeforeEach
  void start() throws IOException {
    transport = new NioTransport(2);
    transport.start();
    resolver = names.resolver();
  }

  @AfterEach
  void stop() {
    transport.close();
    resolver.close();
  }

  private ExitResult<NioExit> connect(Host host, int port, Duration timeout, byte[] early)
      throws Exception {
    StreamRequest request =
        new StreamRequest(
            StreamCommand.CONNECT,
            new Target(host, port),
            Credentials.NONE,
            SocksProtocol.SOCKS5,
            new ClientInfo(
                new InetSocketAddress(FakeNames.v4(), 1), ListenerSettings.torDefaults(0)),
            true);
    return new NioExitConnector(transport, resolver, timeout)
        .connect(request, IsolationKey.builder(0, 0).build(), ByteBuffer.wrap(early))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static int closedPort(InetAddress a) throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, a)) {
      return s.getLocalPort();
    }
  }

  @Test
  void name_triesEachAddressInTurn_ipv6ThenIpv4() throws Exception {
    try (BlockingOrigin v4 = new BlockingOrigin(FakeNames.v4())) {
      // ::1 on v4's port is (almost surely) closed: refused, then 127.0.0.1 is tried.
      names.name("dual.test", FakeNames.v6(), FakeNames.v4());
      ExitResult<NioExit> r =
          connect(
              new Host.Name("dual.test"), v4.port(), Duration.ofSeconds(5), new byte[] {1, 2, 3});
      NioExit exit = (NioExit) assertInstanceOf(ExitResult.Connected.class, r).exit();
      try (Socket s = v4.accept()) {
        assertArrayEquals(new byte[] {1, 2, 3}, s.getInputStream().readNBytes(3));
      } finally {
        exit.close();
      }
    }
  }

  @Test
  void ipv6Target_connects() throws Exception {
    try (BlockingOrigin v6 = new BlockingOrigin(FakeNames.v6())) {
      ExitResult<NioExit> r =
          connect(new Host.Address(FakeNames.v6()), v6.port(), Duration.ofSeconds(5), new byte[0]);
      ExitResult.Connected<?> c = assertInstanceOf(ExitResult.Connected.class, r);
      try (Socket s = v6.accept()) {
        assertEquals(FakeNames.v6(), s.getInetAddress());
      } finally {
        ((NioExit) c.exit()).close();
      }
    }
  }

  @Test
  void unknownName_resolveFailed() throws Exception {
    ExitResult<NioExit> r =
        connect(new Host.Name("nowhere.test"), 80, Duration.ofSeconds(5), new byte[0]);
    assertEquals(
        StreamFailure.RESOLVE_FAILED, assertInstanceOf(ExitResult.Failed.class, r).failure());
  }

  @Test
  void everyAddressRefuses_connectionRefused() throws Exception {
    int port = closedPort(FakeNames.v4());
    names.name("closed.test", FakeNames.v6(), FakeNames.v4());
    ExitResult<NioExit> r =
        connect(new Host.Name("closed.test"), port, Duration.ofSeconds(5), new byte[0]);
    assertEquals(
        StreamFailure.CONNECTION_REFUSED, assertInstanceOf(ExitResult.Failed.class, r).failure());
  }

  @Test
  void silentTarget_timedOut() throws Exception {
    List<SocketChannel> fillers = new ArrayList<>();
    try (var silent = TimeoutTest.saturatedListener(fillers)) {
      InetSocketAddress a = (InetSocketAddress) silent.getLocalAddress();
      ExitResult<NioExit> r =
          connect(
              new Host.Address(a.getAddress()),
              a.getPort(),
              Duration.ofMillis(300),
              new byte[] {1});
      assertEquals(StreamFailure.TIMED_OUT, assertInstanceOf(ExitResult.Failed.class, r).failure());
    } finally {
      for (SocketChannel f : fillers) {
        f.close();
      }
    }
  }

  @Test
  void stoppedTransport_general() throws Exception {
    transport.close();
    try (BlockingOrigin v4 = new BlockingOrigin(FakeNames.v4())) {
      ExitResult<NioExit> r =
          connect(new Host.Address(FakeNames.v4()), v4.port(), Duration.ofSeconds(5), new byte[0]);
      assertEquals(StreamFailure.GENERAL, assertInstanceOf(ExitResult.Failed.class, r).failure());
    }
  }
}
