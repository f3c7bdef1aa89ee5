package dev.socksgate.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.model.Target;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.ExitResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ExitConnector} must do: open a stream to a reachable target and deliver the
 * early data first, byte-exact; open a stream without early data too; report a refused target as
 * {@link StreamFailure#CONNECTION_REFUSED} (a value, not an exceptional completion). Adapters
 * extend this class; targets must be on loopback. The core's own {@code RecordingExitConnector}
 * fake passes it too.
 *
 * @param <E> the adapter's stream handle
 */
public abstract class ExitConnectorContract<E> {

  /** A bounded wait for every stage. */
  protected static final long WAIT_SECONDS = 10;

  /** Returns the connector under test. */
  protected abstract ExitConnector<E> connector() throws Exception;

  /** Returns a target that accepts connections. */
  protected abstract Target reachableTarget() throws Exception;

  /** Returns a target that refuses connections (a closed loopback port). */
  protected abstract Target refusingTarget() throws Exception;

  /**
   * Returns the first {@code length} bytes that the reachable target received on the stream behind
   * {@code exit}, waiting a bounded time for them.
   */
  protected abstract byte[] receivedByTarget(E exit, int length) throws Exception;

  /** Releases the stream. */
  protected abstract void close(E exit) throws Exception;

  /** Returns a CONNECT request for {@code target} from a loopback client. */
  protected static StreamRequest connectRequest(Target target) {
    ClientInfo client =
        new ClientInfo(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000),
            ListenerSettings.torDefaults(1));
    return new StreamRequest(
        StreamCommand.CONNECT, target, Credentials.NONE, SocksProtocol.SOCKS5, client, true);
  }

  /** Returns any isolation key. */
  protected static IsolationKey anyKey() {
    return IsolationKey.builder(1, 0).build();
  }

  @Test
  void connect_reachableTarget_deliversEarlyDataFirst() throws Exception {
    byte[] early = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    ExitResult<E> result =
        connector()
            .connect(connectRequest(reachableTarget()), anyKey(), ByteBuffer.wrap(early.clone()))
            .toCompletableFuture()
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
    ExitResult.Connected<?> connected = assertInstanceOf(ExitResult.Connected.class, result);
    @SuppressWarnings("unchecked")
    E exit = (E) connected.exit();
    try {
      assertArrayEquals(early, receivedByTarget(exit, early.length));
    } finally {
      close(exit);
    }
  }

  @Test
  void connect_reachableTarget_withoutEarlyData_connects() throws Exception {
    ExitResult<E> result =
        connector()
            .connect(connectRequest(reachableTarget()), anyKey(), ByteBuffer.allocate(0))
            .toCompletableFuture()
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
    ExitResult.Connected<?> connected = assertInstanceOf(ExitResult.Connected.class, result);
    @SuppressWarnings("unchecked")
    E exit = (E) connected.exit();
    close(exit);
  }

  @Test
  void connect_refusingTarget_failsWithConnectionRefused() throws Exception {
    ExitResult<E> result =
        connector()
            .connect(connectRequest(refusingTarget()), anyKey(), ByteBuffer.allocate(0))
            .toCompletableFuture()
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
    ExitResult.Failed<?> failed = assertInstanceOf(ExitResult.Failed.class, result);
    assertEquals(StreamFailure.CONNECTION_REFUSED, failed.failure());
  }
}
