package dev.socksgate.transport.nio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * How an {@link Endpoint} moves bytes through its channel: {@link #DIRECT} in the server, or a few
 * bytes per call ({@link #atMost}) for the transport's tests, which force partial reads and writes
 * on every path with it.
 */
public interface ChannelIo {

  /** The channel's own read and write. */
  ChannelIo DIRECT =
      new ChannelIo() {
        @Override
        public int read(SocketChannel channel, ByteBuffer dst) throws IOException {
          return channel.read(dst);
        }

        @Override
        public int write(SocketChannel channel, ByteBuffer src) throws IOException {
          return channel.write(src);
        }
      };

  /** Reads into {@code dst}; returns the count or -1 at EOF. */
  int read(SocketChannel channel, ByteBuffer dst) throws IOException;

  /** Writes from {@code src}; returns the count, possibly 0. */
  int write(SocketChannel channel, ByteBuffer src) throws IOException;

  /**
   * Returns an I/O that moves at most {@code bytes} per call.
   *
   * @throws IllegalArgumentException if {@code bytes} is not positive
   */
  static ChannelIo atMost(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("bytes must be positive: " + bytes);
    }
    return new ChannelIo() {
      @Override
      public int read(SocketChannel channel, ByteBuffer dst) throws IOException {
        return capped(dst, bytes, channel::read);
      }

      @Override
      public int write(SocketChannel channel, ByteBuffer src) throws IOException {
        return capped(src, bytes, channel::write);
      }
    };
  }

  /** One read or write of a buffer. */
  interface Transfer {
    int apply(ByteBuffer buffer) throws IOException;
  }

  /** Runs {@code transfer} on at most {@code bytes} of {@code buffer}, then restores its limit. */
  private static int capped(ByteBuffer buffer, int bytes, Transfer transfer) throws IOException {
    int limit = buffer.limit();
    buffer.limit(Math.min(limit, buffer.position() + bytes));
    try {
      return transfer.apply(buffer);
    } finally {
      buffer.limit(limit);
    }
  }
}
