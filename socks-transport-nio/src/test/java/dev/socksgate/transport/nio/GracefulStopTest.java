package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Graceful stop: listeners close first, connections that are not relaying close at once, relays in
 * flight may finish within the grace period, and whatever is left is closed when it ends; stop
 * returns when every loop thread has ended.
 */
class GracefulStopTest {

  private static SocksClient relayTo(Harness h, BlockingOrigin origin) throws IOException {
    SocksClient c = SocksClient.connect(h.v4());
    c.send(Wire.greeting(), Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), origin.port()));
    c.expect(new byte[] {5, 0});
    c.expect(Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
    return c;
  }

  @Test
  void stop_relayInFlight_finishesWithinGrace() throws Exception {
    Harness h = Harness.start();
    InetSocketAddress listener = h.v4();
    try (BlockingOrigin origin = new BlockingOrigin(FakeNames.v4());
        SocksClient relayed = relayTo(h, origin);
        Socket o = origin.accept();
        SocksClient handshaking = SocksClient.connect(h.v4())) {
      handshaking.send(new byte[] {5}); // an unfinished handshake: closed by the first phase
      h.events.awaitOpen(2);
      CompletableFuture<Void> stopped =
          CompletableFuture.runAsync(() -> h.server.stop(Duration.ofSeconds(20)));
      handshaking.expectClosedWithNothing();
      assertThrows(
          ConnectException.class,
          () -> new Socket(listener.getAddress(), listener.getPort()).close(),
          "listener closed");
      byte[] data = SocksClient.random(200_000, 9);
      relayed.send(data); // the relay still works while the server drains
      assertArrayEquals(data, o.getInputStream().readNBytes(data.length));
      o.getOutputStream().write(data);
      assertArrayEquals(data, relayed.read(data.length));
      assertFalse(stopped.isDone(), "stop waits for the relay");
      relayed.shutdownOutput();
      o.shutdownOutput();
      stopped.get(10, TimeUnit.SECONDS); // well before the 20 s grace
      assertFalse(h.transport.isRunning());
    } finally {
      h.close();
    }
  }

  @Test
  void stop_relayStillBusyAtDeadline_closedThenStopReturns() throws Exception {
    Harness h = Harness.start();
    try (BlockingOrigin origin = new BlockingOrigin(FakeNames.v4());
        SocksClient relayed = relayTo(h, origin);
        Socket o = origin.accept()) {
      long start = System.nanoTime();
      h.server.stop(Duration.ofMillis(300));
      long took = System.nanoTime() - start;
      assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(250), "waited for the grace period");
      relayed.expectClosedWithNothing();
      assertTrue(o.getInputStream().read() < 0, "exit side closed too");
      assertFalse(h.transport.isRunning());
    } finally {
      h.close();
    }
  }
}
