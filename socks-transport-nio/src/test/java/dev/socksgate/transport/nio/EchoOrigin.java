package dev.socksgate.transport.nio;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-test echo origin on one thread: echoes every byte, passes EOF on as FIN once everything is
 * echoed (half-close aware), then closes. Buffers are allocated on first data, so idle connections
 * cost no buffer.
 */
final class EchoOrigin implements AutoCloseable {

  private final Selector selector;
  private final ServerSocketChannel listener;
  private final Thread thread;
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean closed;

  private EchoOrigin(InetAddress bind) throws IOException {
    selector = Selector.open();
    listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress(bind, 0), 4096);
    listener.configureBlocking(false);
    listener.register(selector, SelectionKey.OP_ACCEPT);
    thread = new Thread(this::run, "echo-origin");
    thread.setDaemon(true);
    thread.start();
  }

  static EchoOrigin start(InetAddress bind) throws IOException {
    return new EchoOrigin(bind);
  }

  InetSocketAddress address() throws IOException {
    return (InetSocketAddress) listener.getLocalAddress();
  }

  int accepted() {
    return accepted.get();
  }

  /** Waits (bounded) until {@code n} connections were accepted in total. */
  void awaitAccepted(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    synchronized (accepted) {
      while (accepted.get() < n) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError("accepted " + accepted.get() + " of " + n);
        }
        accepted.wait(left);
      }
    }
  }

  private static final class Conn {
    ByteBuffer buf;
    boolean eof;
  }

  private void run() {
    try {
      while (!closed) {
        selector.select(
            key -> {
              try {
                if (key.isAcceptable()) {
                  SocketChannel c;
                  while ((c = listener.accept()) != null) {
                    synchronized (accepted) {
                      accepted.incrementAndGet();
                      accepted.notifyAll();
                    }
                    c.configureBlocking(false);
                    c.register(selector, SelectionKey.OP_READ, new Conn());
                  }
                } else {
                  handle(key);
                }
              } catch (IOException e) {
                key.cancel();
                try {
                  key.channel().close();
                } catch (IOException ignored) {
                  // closing a broken test connection
                }
              }
            });
      }
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        e.printStackTrace();
      }
    }
  }

  private static void handle(SelectionKey key) throws IOException {
    SocketChannel ch = (SocketChannel) key.channel();
    Conn c = (Conn) key.attachment();
    if (c.buf == null) {
      c.buf = ByteBuffer.allocate(16 * 1024);
    }
    if (key.isReadable() && c.buf.hasRemaining() && !c.eof) {
      if (ch.read(c.buf) < 0) {
        c.eof = true;
      }
    }
    c.buf.flip();
    ch.write(c.buf);
    c.buf.compact();
    if (c.eof && c.buf.position() == 0) {
      ch.shutdownOutput();
      ch.close();
      return;
    }
    int ops =
        (c.buf.hasRemaining() && !c.eof ? SelectionKey.OP_READ : 0)
            | (c.buf.position() > 0 ? SelectionKey.OP_WRITE : 0);
    key.interestOps(ops);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    selector.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey k : selector.keys()) {
      k.channel().close();
    }
    selector.close();
  }
}
