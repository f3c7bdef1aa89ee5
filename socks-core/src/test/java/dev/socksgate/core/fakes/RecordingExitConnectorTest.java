package dev.socksgate.core.fakes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.socksgate.core.contract.ExitConnectorContract;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.Target;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.ExitResult;
import dev.socksgate.core.testing.Hex;
import dev.socksgate.core.testing.Requests;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The recording connector passes the exit-connector contract: "received by the target" is the early
 * data it recorded; the refusing target is one it was told to refuse.
 */
class RecordingExitConnectorTest extends ExitConnectorContract<FakeExit> {

  private static final Target REACHABLE = new Target(Requests.addr("127.0.0.1"), 8080);
  private static final Target REFUSING = new Target(Requests.addr("127.0.0.1"), 9);

  private final RecordingExitConnector connector = new RecordingExitConnector().refusing(REFUSING);

  @Override
  protected ExitConnector<FakeExit> connector() {
    return connector;
  }

  @Override
  protected Target reachableTarget() {
    return REACHABLE;
  }

  @Override
  protected Target refusingTarget() {
    return REFUSING;
  }

  @Override
  protected byte[] receivedByTarget(FakeExit exit, int length) {
    return Arrays.copyOf(exit.received(), length);
  }

  @Override
  protected void close(FakeExit exit) {
    exit.close();
  }

  @Test
  void connect_recordsRequestKeyAndEarlyData_andDrainsTheBuffer() {
    IsolationKey key = IsolationKey.builder(3, 1).build();
    ByteBuffer early = Hex.buffer("'hello' 00 ff");
    var request = connectRequest(REACHABLE);
    ExitResult<FakeExit> r = connector.connect(request, key, early).toCompletableFuture().join();
    assertInstanceOf(ExitResult.Connected.class, r);
    FakeExit exit = ((ExitResult.Connected<FakeExit>) r).exit();
    assertEquals(0, early.remaining());
    RecordingExitConnector.Call call = connector.onlyCall();
    assertEquals(request, call.request());
    assertEquals(key, call.key());
    assertArrayEquals(Hex.bytes("'hello' 00 ff"), call.earlyData());
    assertEquals(key, exit.key());
    assertEquals(REACHABLE, exit.target());
  }
}
