package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * A fast writer facing a reader that does not read: the server stops reading the writer once its
 * one buffer for that direction is full, so the writer's socket fills up and stalls, and the server
 * holds at most one relay buffer (asserted through the pool's accounting). When the reader starts,
 * every byte arrives intact.
 */
class BackpressureTest {

  private static final int BUFFER = 16 * 1024;
  private static final long STALL_LIMIT = 256L << 20; // far beyond any socket buffer

  @Test
  void slowReader_fastWriter_serverBufferingBounded_nothingLost() throws Exception {
    try (Harness h = Harness.options().loops(1).config(b -> b.bufferSize(BUFFER)).start();
        BlockingOrigin origin = new BlockingOrigin(FakeNames.v4());
        SocketChannel writer = SocketChannel.open(h.v4())) {
      writer.setOption(StandardSocketOptions.SO_SNDBUF, 64 * 1024);
      handshake(writer, origin.port());
      try (Socket reader = origin.accept()) {
        Source source = new Source();
        ByteBuffer pending = source.next();
        try (Selector selector = Selector.open()) {
          writer.register(selector, SelectionKey.OP_WRITE);
          // Write until the socket stays full: nothing reads at the origin, so once the kernel
          // buffers on the exit side are full the server must stop reading the writer.
          while (true) {
            writer.write(pending);
            if (!pending.hasRemaining()) {
              if (source.generated > STALL_LIMIT) {
                fail("the writer never stalled: the server buffers without bound");
              }
              pending = source.next();
              continue;
            }
            selector.selectedKeys().clear();
            if (selector.select(500) == 0) {
              break; // not writable for 500 ms: stalled
            }
          }
        }
        awaitBuffersInUse(h, 1); // the up direction holds its one buffer, unwritable
        BufferStats accounting = h.server.bufferStats();
        assertTrue(
            accounting.highWater() <= 2, "high water " + accounting.highWater() + " buffers");

        CompletableFuture<long[]> received = CompletableFuture.supplyAsync(() -> drain(reader));
        writer.configureBlocking(true);
        writeFully(writer, pending);
        for (int i = 0; i < 64; i++) {
          writeFully(writer, source.next());
        }
        writer.shutdownOutput();
        long[] got = received.get(30, TimeUnit.SECONDS);
        assertEquals(source.generated, got[0], "bytes");
        assertEquals(source.crc.getValue(), got[1], "checksum");
        assertTrue(
            h.server.bufferStats().highWater() <= 2, "never more than a buffer per direction");
      }
    }
  }

  /** A deterministic stream, checksummed as it is generated. */
  private static final class Source {
    final Random random = new Random(42);
    final CRC32 crc = new CRC32();
    long generated;

    ByteBuffer next() {
      byte[] b = new byte[64 * 1024];
      random.nextBytes(b);
      crc.update(b);
      generated += b.length;
      return ByteBuffer.wrap(b);
    }
  }

  private static void handshake(SocketChannel writer, int port) throws IOException {
    writer.write(
        ByteBuffer.wrap(
            Wire.concat(
                Wire.greeting(), Wire.socks5(Socks5Command.CONNECT, FakeNames.v4(), port))));
    byte[] expected =
        Wire.concat(new byte[] {5, 0}, Wire.generic(Socks5ReplyCode.SUCCEEDED, false));
    ByteBuffer in = ByteBuffer.allocate(expected.length);
    writer.configureBlocking(false);
    try (Selector selector = Selector.open()) {
      writer.register(selector, SelectionKey.OP_READ);
      while (in.hasRemaining()) {
        if (selector.select(SocksClient.TIMEOUT_MILLIS) == 0) {
          fail("no reply");
        }
        selector.selectedKeys().clear();
        if (writer.read(in) < 0) {
          fail("EOF during the handshake");
        }
      }
    }
    assertEquals(SocksClient.hex(expected), SocksClient.hex(in.array()));
  }

  private static void writeFully(SocketChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  private static long[] drain(Socket reader) {
    try (InputStream in = reader.getInputStream()) {
      CRC32 crc = new CRC32();
      byte[] b = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(b)) >= 0) {
        crc.update(b, 0, n);
        total += n;
      }
      return new long[] {total, crc.getValue()};
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Asks the loop (a bounded number of round trips, no sleeping) until the count is reached. */
  private static void awaitBuffersInUse(Harness h, int expected) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    BufferStats now;
    do {
      now = h.server.bufferStats();
      if (now.inUse() == expected) {
        return;
      }
    } while (System.nanoTime() < deadline);
    fail("buffers in use: " + now.inUse() + ", expected " + expected);
  }
}
