package dev.socksgate.transport.nio;

import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Many SOCKS5 clients on one test thread: each sends greeting, request and a random payload in one
 * stream (optimistic data), checks the replies, and checksums the echo it gets back.
 */
final class LoadClient {

  private static final byte[] REPLIES =
      Wire.concat(new byte[] {5, 0}, Wire.generic(Socks5ReplyCode.SUCCEEDED, false));

  /** The outcome of one connection. */
  record Result(int index, long sentCrc, long receivedCrc, int received, boolean repliesOk) {}

  private static final class Conn {
    final int index;
    final SocketChannel ch;
    final ByteBuffer out;
    final long sentCrc;
    final int payload;
    final byte[] replies = new byte[REPLIES.length];
    final CRC32 crc = new CRC32();
    int repliesRead;
    int received;
    boolean done;

    Conn(int index, SocketChannel ch, byte[] request, byte[] payload) {
      this.index = index;
      this.ch = ch;
      this.out = ByteBuffer.wrap(Wire.concat(Wire.greeting(), request, payload));
      CRC32 c = new CRC32();
      c.update(payload);
      this.sentCrc = c.getValue();
      this.payload = payload.length;
    }
  }

  private LoadClient() {}

  /** Runs {@code count} connections to {@code origin} through {@code proxy}; bounded in time. */
  static List<Result> run(
      InetSocketAddress proxy,
      InetSocketAddress origin,
      int count,
      int bytesEach,
      long timeoutMillis)
      throws IOException {
    byte[] request = Wire.socks5(Socks5Command.CONNECT, origin.getAddress(), origin.getPort());
    List<Conn> conns = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < count; i++) {
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Conn c = new Conn(i, ch, request, SocksClient.random(bytesEach, i));
        conns.add(c);
        ch.connect(proxy);
        ch.register(selector, SelectionKey.OP_CONNECT, c);
      }
      int open = count;
      while (open > 0) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          break;
        }
        selector.select(Math.max(1, left));
        for (SelectionKey key : selector.selectedKeys()) {
          Conn c = (Conn) key.attachment();
          if (step(key, c)) {
            open--;
          }
        }
        selector.selectedKeys().clear();
      }
    } finally {
      for (Conn c : conns) {
        c.ch.close();
      }
    }
    List<Result> results = new ArrayList<>();
    for (Conn c : conns) {
      results.add(
          new Result(
              c.index,
              c.sentCrc,
              c.done ? c.crc.getValue() : -1,
              c.received,
              Arrays.equals(REPLIES, c.replies)));
    }
    return results;
  }

  /** Returns true when the connection just finished. */
  private static boolean step(SelectionKey key, Conn c) throws IOException {
    if (key.isConnectable() && !c.ch.finishConnect()) {
      return false;
    }
    if (c.out.hasRemaining()) {
      c.ch.write(c.out);
    }
    ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    int n = c.ch.read(in);
    if (n > 0) {
      in.flip();
      int r = Math.min(in.remaining(), REPLIES.length - c.repliesRead);
      in.get(c.replies, c.repliesRead, r);
      c.repliesRead += r;
      c.received += in.remaining();
      c.crc.update(in);
    }
    boolean finished = n < 0 || c.received >= c.payload;
    if (finished) {
      c.done = true;
      key.cancel();
      c.ch.close();
      return true;
    }
    key.interestOps(SelectionKey.OP_READ | (c.out.hasRemaining() ? SelectionKey.OP_WRITE : 0));
    return false;
  }
}
