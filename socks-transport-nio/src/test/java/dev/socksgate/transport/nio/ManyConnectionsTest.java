package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A thousand concurrent connections, each sending 32 KiB of random data through the server to an
 * echo origin and back in the same stream as its handshake: every byte arrives, in order
 * (checksums), every reply is exact, and every connection is closed afterwards.
 */
class ManyConnectionsTest {

  private static final int CONNECTIONS = 1000;
  private static final int BYTES_EACH = 32 * 1024;

  @Test
  void thousandConnections_checksummedBothWays_nothingLost() throws Exception {
    try (Harness h =
            Harness.options()
                .config(b -> b.backlog(2048).bufferSize(16 * 1024).maxConnections(4096))
                .start();
        EchoOrigin echo = EchoOrigin.start(FakeNames.v4())) {
      List<LoadClient.Result> results =
          LoadClient.run(h.v4(), echo.address(), CONNECTIONS, BYTES_EACH, 60_000);
      List<LoadClient.Result> bad =
          results.stream()
              .filter(
                  r ->
                      !r.repliesOk()
                          || r.received() != BYTES_EACH
                          || r.receivedCrc() != r.sentCrc())
              .collect(Collectors.toList());
      assertTrue(
          bad.isEmpty(),
          bad.size()
              + " connections failed, e.g. "
              + bad.stream().limit(3).collect(Collectors.toList()));
      assertEquals(CONNECTIONS, echo.accepted());
      BufferStats buffers = h.server.bufferStats();
      assertTrue(buffers.highWater() <= 2 * CONNECTIONS, "high water " + buffers.highWater());
    }
  }
}
