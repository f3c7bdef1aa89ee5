package dev.socksgate.transport.nio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.model.ClientInfo;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * accept() failing with EMFILE neither spins nor kills the loop: the acceptor pauses, retries after
 * its back-off, and accepts the waiting client once accept works again.
 */
class AcceptorBackoffTest {

  @Test
  void acceptFails_pausesAndRetries_thenAccepts() throws Exception {
    EventLoop loop = EventLoop.open(0, "backoff-loop");
    loop.start();
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    CompletableFuture<ClientInfo> accepted = new CompletableFuture<>();
    ServerEvents events =
        new ServerEvents() {
          @Override
          public void acceptFailed(InetSocketAddress listener, IOException error) {
            failures.incrementAndGet();
          }

          @Override
          public void connectionAccepted(ClientInfo client) {
            accepted.complete(client);
          }
        };
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
                  events,
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
      loop.execute(
          () -> {
            try {
              Acceptor.register(
                  loop,
                  listener,
                  ListenerSettings.torDefaults(0),
                  ctx,
                  ch -> {
                    if (calls.incrementAndGet() <= 3) {
                      throw new IOException("Too many open files");
                    }
                    return ch.accept();
                  });
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
      long start = System.nanoTime();
      try (Socket client =
          new Socket(listener.socket().getInetAddress(), listener.socket().getLocalPort())) {
        ClientInfo info = accepted.get(5, TimeUnit.SECONDS);
        assertEquals(client.getLocalPort(), info.remote().getPort());
        long took = System.nanoTime() - start;
        assertEquals(1, failures.get(), "reported once per streak");
        // 3 failures (one per back-off period), the accept, then one that finds the backlog empty
        assertEquals(5, calls.get(), "no spinning");
        assertTrue(took >= 3 * Acceptor.BACKOFF_NANOS * 9 / 10, "backed off between tries");
      }
    } finally {
      loop.shutdown();
      loop.join();
    }
  }
}
