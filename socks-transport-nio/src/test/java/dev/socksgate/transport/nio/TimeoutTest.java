package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.socksgate.codec.v4.Socks4Command;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.Resolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Every timeout, with short configured values, each observed as the EOF (or reply) the client gets,
 * never with sleeps: SocksTimeout on an unfinished handshake (silent close), SocksTimeout on a
 * pending CONNECT or RESOLVE (the TIMED_OUT reply for the client's protocol and family), the exit
 * connector's connect timeout (REP 06), and the relay idle timeout.
 */
class TimeoutTest {

  private static final Duration SHORT = Duration.ofMillis(200);

  /** An exit that never answers. */
  private static final ExitConnector<NioExit> NEVER_CONNECTS =
      (request, key, early) -> new CompletableFuture<>();

  /** A resolver that never answers. */
  private static final Resolver NEVER_RESOLVES =
      new Resolver() {
        @Override
        public CompletionStage<List<InetAddress>> resolve(String name, IsolationKey key) {
          return new CompletableFuture<>();
        }

        @Override
        public CompletionStage<Optional<String>> reverse(InetAddress address, IsolationKey key) {
          return new CompletableFuture<>();
        }
      };

  @Test
  void socksTimeout_unfinishedHandshake_closedSilently() throws IOException {
    try (Harness h = Harness.options().config(b -> b.socksTimeout(SHORT)).start()) {
      long start = System.nanoTime();
      try (SocksClient nothing = SocksClient.connect(h.v4());
          SocksClient half = SocksClient.connect(h.v6());
          SocksClient partRequest = SocksClient.connect(h.v4())) {
        half.send(new byte[] {5, 2, 0});
        partRequest.send(Wire.greeting(), new byte[] {5, 1, 0, 3, 11, 'o', 'r'});
        partRequest.expect(new byte[] {5, 0});
        nothing.expectClosedWithNothing();
        half.expectClosedWithNothing();
        partRequest.expectClosedWithNothing();
      }
      assertTrue(System.nanoTime() - start >= SHORT.toNanos() * 3 / 4, "closed too early");
      h.events.awaitOpen(0);
    }
  }

  @Test
  void socksTimeout_pendingConnect_timedOutReplyByProtocolAndFamily() throws IOException {
    try (Harness h =
        Harness.options()
            .config(b -> b.socksTimeout(SHORT))
            .exits((t, r) -> NEVER_CONNECTS)
            .start()) {
      for (boolean v6 : new boolean[] {false, true}) {
        try (SocksClient c = SocksClient.connect(v6 ? h.v6() : h.v4())) {
          c.send(Wire.greeting(), Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), 9));
          c.expect(new byte[] {5, 0});
          c.expect(Wire.generic(Socks5ReplyCode.TTL_EXPIRED, v6));
          c.expectClosedWithNothing();
        }
      }
      try (SocksClient c = SocksClient.connect(h.v4())) {
        c.send(Wire.socks4(Socks4Command.CONNECT, FakeNames.v4(), 9), new byte[] {1, 2, 3});
        c.expect(Wire.socks4Rejected());
        c.expectClosedWithNothing();
      }
      h.events.await("TIMED_OUT reported", l -> l.events().contains(StreamFailure.TIMED_OUT));
    }
  }

  @Test
  void socksTimeout_pendingResolve_resolveFailedForm() throws IOException {
    try (Harness h =
        Harness.options().config(b -> b.socksTimeout(SHORT)).resolver(NEVER_RESOLVES).start()) {
      try (SocksClient c = SocksClient.connect(h.v4())) {
        c.send(Wire.greeting(), Wire.socks5(Socks5Command.RESOLVE, "origin.test", 0));
        c.expect(new byte[] {5, 0});
        c.expect(Socks5Reply.unspecified(Socks5ReplyCode.HOST_UNREACHABLE).toBytes());
        c.expectClosedWithNothing();
      }
      try (SocksClient c = SocksClient.connect(h.v4())) {
        c.send(Wire.socks4a(Socks4Command.RESOLVE, "origin.test", 0));
        c.expect(Wire.socks4Rejected());
        c.expectClosedWithNothing();
      }
    }
  }

  @Test
  void connectTimeout_targetNeverAnswers_ttlExpired() throws IOException {
    List<SocketChannel> fillers = new ArrayList<>();
    try (ServerSocketChannel silent = saturatedListener(fillers);
        Harness h = Harness.options().connectTimeout(Duration.ofMillis(300)).start();
        SocksClient c = SocksClient.connect(h.v4())) {
      InetSocketAddress target = (InetSocketAddress) silent.getLocalAddress();
      c.send(
          Wire.greeting(),
          Wire.socks5(Socks5Command.CONNECT, target.getAddress(), target.getPort()));
      c.expect(new byte[] {5, 0});
      c.expect(Wire.generic(Socks5ReplyCode.TTL_EXPIRED, false));
      c.expectClosedWithNothing();
    } finally {
      for (SocketChannel f : fillers) {
        f.close();
      }
    }
  }

  @Test
  void idleTimeout_quietRelay_closedBothWays() throws IOException {
    try (Harness h = Harness.options().config(b -> b.idleTimeout(SHORT)).start();
        BlockingOrigin origin = new BlockingOrigin(FakeNames.v4());
        SocksClient c = SocksClient.connect(h.v4())) {
      c.send(
          Wire.greeting(),
          Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), origin.port()),
          new byte[] {42});
      c.expect(new byte[] {5, 0});
      c.expect(Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
      try (var o = origin.accept()) {
        assertArrayEquals(new byte[] {42}, o.getInputStream().readNBytes(1));
        c.expectClosedWithNothing();
        assertTrue(o.getInputStream().read() < 0, "the origin side is closed too");
      }
    }
  }

  /**
   * A loopback listener that completes no more connects: its accept queue (backlog 1) is filled, so
   * the kernel drops further SYNs. Probed, not assumed: connects are added until one stays pending
   * for 300 ms.
   */
  static ServerSocketChannel saturatedListener(List<SocketChannel> fillers) throws IOException {
    ServerSocketChannel l = ServerSocketChannel.open();
    l.bind(new InetSocketAddress(FakeNames.v4(), 0), 1);
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < 64; i++) {
        SocketChannel c = SocketChannel.open();
        fillers.add(c);
        c.configureBlocking(false);
        if (c.connect(l.getLocalAddress())) {
          continue;
        }
        SelectionKey key = c.register(selector, SelectionKey.OP_CONNECT);
        if (selector.select(300) == 0) {
          return l; // this connect hangs: the queue is full
        }
        selector.selectedKeys().clear();
        key.cancel();
        c.finishConnect();
      }
    }
    l.close();
    fail("could not fill a loopback accept queue");
    return null;
  }
}
