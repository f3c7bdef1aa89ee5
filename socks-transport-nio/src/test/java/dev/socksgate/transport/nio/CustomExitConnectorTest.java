package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.ExitResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * How an embedder plugs in an exit of their own: a connector that connects a blocking channel on
 * its own thread and completes with {@code NioExit.of(channel, earlyData)}, leaving the early data
 * for the server to send. The relay delivers it first, then the client's later bytes.
 */
class CustomExitConnectorTest {

  @Test
  void embedderConnector_earlyDataDeliveredFirst_thenRelay() throws Exception {
    ExecutorService own = Executors.newSingleThreadExecutor();
    ExitConnector<NioExit> custom =
        (request, key, early) ->
            CompletableFuture.supplyAsync(
                () -> {
                  Host.Address a = (Host.Address) request.target().host();
                  try {
                    SocketChannel ch =
                        SocketChannel.open(
                            new InetSocketAddress(a.address(), request.target().port()));
                    return new ExitResult.Connected<>(NioExit.of(ch, early));
                  } catch (IOException e) {
                    return new ExitResult.Failed<>(StreamFailure.CONNECTION_REFUSED);
                  }
                },
                own);
    try (Harness h = Harness.options().exits((t, r) -> custom).start();
        BlockingOrigin origin = new BlockingOrigin(FakeNames.v4());
        SocksClient c = SocksClient.connect(h.v4())) {
      byte[] early = SocksClient.random(700, 1);
      byte[] later = SocksClient.random(70_000, 2);
      c.send(
          Wire.greeting(),
          Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), origin.port()),
          early);
      c.expect(new byte[] {5, 0});
      c.expect(Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
      c.send(later);
      try (Socket o = origin.accept()) {
        assertArrayEquals(
            Wire.concat(early, later), o.getInputStream().readNBytes(early.length + later.length));
        o.getOutputStream().write(later);
        c.expect(later);
      }
    } finally {
      own.shutdownNow();
    }
  }
}
