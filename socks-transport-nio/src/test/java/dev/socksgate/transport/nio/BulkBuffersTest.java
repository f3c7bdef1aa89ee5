package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Adaptive relay buffers: a direction whose reads keep filling a relay buffer borrows the loop's
 * larger bulk buffers, never more of them at once than the loop's bulk budget allows (the rest keep
 * streaming through small ones); interactive traffic never borrows one; every byte arrives either
 * way (checksums), and nothing stays borrowed once the tunnels close.
 */
class BulkBuffersTest {

  private static final int SMALL = 16 * 1024;
  private static final int STREAMS = 4;
  private static final int BYTES_EACH = 24 << 20;

  @Test
  void bulkStreams_borrowBulkBuffers_neverBeyondTheBudget_nothingLost() throws Exception {
    int bulk = 16 << 20; // the 32 MiB budget lends two of these at once
    BufferStats accounting = relay(b -> b.bufferSize(SMALL).bulkBufferSize(bulk));
    assertTrue(accounting.bulkHighWater() >= 1, "no stream ever borrowed a bulk buffer");
    assertTrue(
        accounting.bulkHighWater() <= NioServerConfig.BULK_BYTES_PER_LOOP / bulk,
        "bulk high water " + accounting.bulkHighWater() + " beyond the budget");
  }

  @Test
  void bulkBuffersOff_noneBorrowed_nothingLost() throws Exception {
    BufferStats accounting = relay(b -> b.bufferSize(SMALL).bulkBufferSize(0));
    assertEquals(0, accounting.bulkHighWater(), "bulk high water");
  }

  @Test
  void bulkNotAboveTheRelayBuffer_noneBorrowed() throws Exception {
    BufferStats accounting = relay(b -> b.bufferSize(SMALL).bulkBufferSize(SMALL));
    assertEquals(0, accounting.bulkHighWater(), "bulk high water");
  }

  @Test
  void smallRoundTrips_neverBorrowBulkBuffers() throws Exception {
    try (Harness h = Harness.options().loops(1).config(b -> b.bufferSize(SMALL)).start();
        EchoOrigin echo = EchoOrigin.start(FakeNames.v4());
        SocksClient c = SocksClient.connect(h.v4())) {
      c.send(
          Wire.greeting(),
          Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), echo.address().getPort()));
      c.expect(new byte[] {5, 0});
      c.expect(Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
      for (int i = 0; i < 200; i++) {
        byte[] message = SocksClient.random(64, i);
        c.send(message);
        assertArrayEquals(message, c.read(message.length), "round trip " + i);
      }
      BufferStats accounting = h.server.bufferStats();
      assertEquals(0, accounting.bulkHighWater(), "bulk high water");
      assertTrue(accounting.highWater() >= 1, "the relay used its small buffers");
    }
  }

  /** Runs the streams through a one-loop server and returns its buffer accounting after. */
  private static BufferStats relay(Consumer<NioServerConfig.Builder> config) throws Exception {
    try (Harness h = Harness.options().loops(1).config(config).start();
        EchoOrigin echo = EchoOrigin.start(FakeNames.v4())) {
      List<LoadClient.Result> results =
          LoadClient.run(h.v4(), echo.address(), STREAMS, BYTES_EACH, 60_000);
      List<LoadClient.Result> bad =
          results.stream()
              .filter(
                  r ->
                      !r.repliesOk()
                          || r.received() != BYTES_EACH
                          || r.receivedCrc() != r.sentCrc())
              .collect(Collectors.toList());
      assertTrue(bad.isEmpty(), bad.size() + " streams failed, e.g. " + bad);
      return awaitNoneInUse(h);
    }
  }

  /** Asks the loop (bounded round trips, no sleeping) until every buffer is back. */
  private static BufferStats awaitNoneInUse(Harness h) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    BufferStats now;
    do {
      now = h.server.bufferStats();
      if (now.inUse() == 0) {
        return now;
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError("buffers still borrowed after the tunnels closed: " + now.inUse());
  }
}
