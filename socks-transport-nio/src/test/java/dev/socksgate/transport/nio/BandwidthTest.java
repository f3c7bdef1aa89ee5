package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * {@code bandwidth(rate, burst)}: the bytes a client address's relays move, both directions and all
 * its connections together, never exceed burst + rate × elapsed (elapsed on the clock the buckets
 * use, {@code System.nanoTime}, from before the relays started), and relaying resumes after the
 * bucket ran dry: several bursts' worth gets through. Asserted on token accounting, not on wall
 * time: nothing here depends on how fast the machine is.
 */
class BandwidthTest {

  private static final long RATE = 256 * 1024;
  private static final long BURST = 32 * 1024;
  private static final int CHUNK = 8 * 1024;
  private static final int CHUNKS = 16; // each echoed: 16 × 16 KiB = 8 bursts of tokens

  @Test
  void relayedBytes_withinBurstPlusRateTimesElapsed_andResumeAfterRefill() throws Exception {
    try (Harness h =
            Harness.options().config(b -> b.bufferSize(4 * 1024).bandwidth(RATE, BURST)).start();
        EchoOrigin echo = EchoOrigin.start(FakeNames.v4())) {
      InetAddress source = InetAddress.getByName("127.0.0.2");
      long start = System.nanoTime(); // before the buckets exist: the bound only gets looser
      try (SocksClient a = open(h, echo, source);
          SocksClient b = open(h, echo, source)) { // same address: the same bucket
        long echoed = 0;
        for (int i = 0; i < CHUNKS; i++) {
          SocksClient c = i % 2 == 0 ? a : b;
          byte[] chunk = SocksClient.random(CHUNK, i);
          c.send(chunk);
          assertArrayEquals(chunk, c.read(CHUNK), "chunk " + i);
          echoed += CHUNK;
          long elapsed = System.nanoTime() - start;
          long relayed = 2 * echoed; // each echoed byte crossed the relay up and down
          double allowed = BURST + RATE * (elapsed / 1e9);
          assertTrue(
              relayed <= allowed,
              "chunk " + i + ": relayed " + relayed + " bytes, tokens allow " + (long) allowed);
        }
        assertTrue(2 * echoed > 4 * BURST, "more than the burst got through: reads resumed");
      }
    }
  }

  private static SocksClient open(Harness h, EchoOrigin echo, InetAddress source) throws Exception {
    SocksClient c = SocksClient.connectFrom(source, h.v4());
    c.send(
        Wire.greeting(),
        Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), echo.address().getPort()));
    c.expect(new byte[] {5, 0});
    c.expect(Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
    return c;
  }
}
