package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an idle relayed connection costs the server. Opens N idle tunnels (client → server → echo
 * origin) and compares the heap with N direct client → origin connections, so that the test's own
 * sockets and the origin's state cancel out: the difference is the server's two channels, keys,
 * connection and relay state per tunnel. Relay buffers are direct and borrowed only while they hold
 * bytes; the pool accounting shows none is in use while the tunnels idle.
 *
 * <p>N is 2,000, lowered only if the open-file limit cannot take 4 descriptors per tunnel.
 */
class IdleMemoryTest {

  private static final int WANTED = 2000;
  // A generous bound against regressions; the test prints the measured number.
  private static final long LIMIT_PER_TUNNEL = 8 * 1024;

  @Test
  void idleTunnels_pinNoRelayBuffer_fewHeapBytesEach() throws Exception {
    int n = Math.min(WANTED, (openFileLimit() - 1000) / 5);
    try (Harness h = Harness.options().config(b -> b.backlog(4096).maxConnections(10_000)).start();
        EchoOrigin echo = EchoOrigin.start(FakeNames.v4())) {
      List<Socket> direct = new ArrayList<>();
      long base = usedHeap();
      for (int i = 0; i < n; i++) {
        direct.add(new Socket(echo.address().getAddress(), echo.address().getPort()));
      }
      echo.awaitAccepted(n);
      long withDirect = usedHeap();
      for (Socket s : direct) {
        s.close();
      }
      direct.clear();

      byte[] request =
          Wire.concat(
              Wire.greeting(),
              Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), echo.address().getPort()));
      byte[] reply = Wire.concat(new byte[] {5, 0}, Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
      List<SocksClient> tunnels = new ArrayList<>();
      try {
        for (int i = 0; i < n; i++) {
          SocksClient c = SocksClient.connect(h.v4());
          tunnels.add(c);
          c.send(request);
          c.expect(reply);
        }
        echo.awaitAccepted(2 * n);
        long withTunnels = usedHeap();
        BufferStats buffers = h.server.bufferStats();
        long perTunnel = ((withTunnels - base) - (withDirect - base)) / n;
        System.out.printf(
            "idle tunnels: %d, server heap per idle tunnel: %d bytes"
                + " (heap with %d direct connections %d KiB, with %d tunnels %d KiB),"
                + " relay buffers in use: %d%n",
            n,
            perTunnel,
            n,
            (withDirect - base) >> 10,
            n,
            (withTunnels - base) >> 10,
            buffers.inUse());
        assertEquals(0, buffers.inUse(), "an idle tunnel pins no relay buffer");
        assertEquals(n, h.server.connectionCount());
        assertTrue(perTunnel < LIMIT_PER_TUNNEL, perTunnel + " bytes per idle tunnel");
      } finally {
        for (SocksClient c : tunnels) {
          c.close();
        }
      }
    }
  }

  /** Heap in use after collecting (Runtime: the module does not read java.management). */
  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      best = Math.min(best, rt.totalMemory() - rt.freeMemory());
    }
    return best;
  }

  private static int openFileLimit() throws IOException {
    Path limits = Path.of("/proc/self/limits");
    if (Files.isReadable(limits)) {
      for (String line : Files.readAllLines(limits)) {
        if (line.startsWith("Max open files")) {
          String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
          return soft.equals("unlimited") ? Integer.MAX_VALUE : Integer.parseInt(soft);
        }
      }
    }
    return 5 * WANTED + 1000;
  }
}
