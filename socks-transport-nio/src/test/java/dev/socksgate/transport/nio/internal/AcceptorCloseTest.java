package dev.socksgate.transport.nio.internal;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.policy.ClientLimits;
import dev.socksgate.core.policy.TorDestinationPolicy;
import dev.socksgate.core.port.ClientPolicy;
import dev.socksgate.core.session.StreamService;
import dev.socksgate.transport.nio.JdkResolver;
import dev.socksgate.transport.nio.NioExit;
import dev.socksgate.transport.nio.NioServerConfig;
import dev.socksgate.transport.nio.ServerEvents;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Closing an acceptor closes its listening socket before {@code close()} returns, not at the loop's
 * next select: the JDK defers closing a registered channel's socket until its key is deregistered,
 * and until then the kernel keeps completing connections into the backlog.
 */
class AcceptorCloseTest {

  @Test
  void close_refusesConnectionsOnReturn_withoutAnotherSelect() throws Exception {
    EventLoop loop = EventLoop.open(0, "close-loop");
    loop.start();
    try (JdkResolver resolver =
            new JdkResolver(1, 1, n -> new InetAddress[0], a -> Optional.empty());
        ServerSocketChannel listener = ServerSocketChannel.open()) {
      StreamService<NioExit> service =
          new StreamService<>(
              resolver,
              (r, k, e) -> new CompletableFuture<>(),
              new TorIsolationPolicy(),
              new TorDestinationPolicy(false, false, false));
      ServerContext ctx =
          new ServerContext(
              new EventLoop[] {loop},
              service,
              new ServerContext.Settings(
                  HandshakeOptions.TOR_DEFAULTS,
                  Optional.empty(),
                  new ServerEvents() {},
                  4096,
                  0,
                  10,
                  Duration.ofSeconds(10),
                  Duration.ZERO,
                  Duration.ZERO,
                  ChannelIo.DIRECT,
                  ClientPolicy.ADMIT_ALL,
                  ClientLimits.off(),
                  System::nanoTime,
                  new BandwidthBuckets(BandwidthBuckets.Limits.OFF, System::nanoTime),
                  NioServerConfig.LOOPBACK,
                  NioServerConfig.DEFAULT_PROXY_HEADER_TIMEOUT));
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      listener.configureBlocking(false);
      InetSocketAddress local = (InetSocketAddress) listener.getLocalAddress();
      CompletableFuture<Acceptor> registered = new CompletableFuture<>();
      loop.execute(
          () -> {
            try {
              registered.complete(
                  Acceptor.register(loop, listener, ListenerSettings.torDefaults(0), ctx));
            } catch (IOException e) {
              registered.completeExceptionally(e);
            }
          });
      Acceptor acceptor = registered.get(5, TimeUnit.SECONDS);
      // Close and connect in one task: the loop cannot select in between.
      CompletableFuture<Throwable> connect = new CompletableFuture<>();
      loop.execute(
          () -> {
            acceptor.close();
            try (Socket s = new Socket()) {
              s.connect(local, 5_000);
              connect.complete(new AssertionError("connected to a closed listener"));
            } catch (IOException | RuntimeException e) {
              connect.complete(e);
            }
          });
      assertInstanceOf(ConnectException.class, connect.get(10, TimeUnit.SECONDS));
    } finally {
      loop.shutdown();
      loop.join();
    }
  }
}
