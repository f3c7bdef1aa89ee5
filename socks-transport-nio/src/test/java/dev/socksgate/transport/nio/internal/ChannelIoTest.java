package dev.socksgate.transport.nio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** The seam the transport's tests force partial I/O through. */
class ChannelIoTest {

  @Test
  void atMost_movesNoMoreThanItsBytesPerCall_andKeepsTheBuffersLimits() throws Exception {
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try (SocketChannel a = SocketChannel.open(server.getLocalAddress());
          SocketChannel b = server.accept()) {
        ChannelIo three = ChannelIo.atMost(3);
        ByteBuffer out = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7});
        assertEquals(3, three.write(a, out));
        assertEquals(7, out.limit(), "limit restored");
        assertEquals(4, ChannelIo.DIRECT.write(a, out), "DIRECT writes the rest at once");

        ByteBuffer in = ByteBuffer.allocate(16);
        int total = 0;
        while (total < 7) {
          int n = three.read(b, in);
          assertEquals(true, n >= 0 && n <= 3, "at most 3 per read: " + n);
          total += n;
        }
        assertEquals(16, in.limit(), "limit restored");
        assertEquals(7, in.position());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> ChannelIo.atMost(0));
  }
}
