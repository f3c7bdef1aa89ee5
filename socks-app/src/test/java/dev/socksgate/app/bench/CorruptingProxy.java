package dev.socksgate.app.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A deliberately broken SOCKS5 proxy for tests: it answers the handshake properly, then flips one
 * bit of the client's upload at a fixed stream offset. Only to 127.0.0.1, whatever the request
 * says; names are never resolved. One daemon thread per direction.
 */
final class CorruptingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final long flipAt;

  CorruptingProxy(long flipAt) throws IOException {
    this.flipAt = flipAt;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        daemon(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      in.readFully(new byte[in.readUnsignedByte() == 5 ? in.readUnsignedByte() : 0]);
      out.write(new byte[] {5, 0});
      byte[] head = new byte[4];
      in.readFully(head);
      in.readFully(new byte[head[3] == 1 ? 4 : in.readUnsignedByte()]);
      int port = in.readUnsignedShort();
      Socket origin = new Socket();
      origin.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      out.write(new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
      daemon(() -> copy(origin, client, Long.MAX_VALUE));
      copy(client, origin, flipAt);
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  private static void copy(Socket from, Socket to, long flipAt) {
    byte[] buf = new byte[8192];
    long pos = 0;
    try (from;
        to) {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buf)) > 0; pos += n) {
        if (flipAt >= pos && flipAt < pos + n) {
          buf[(int) (flipAt - pos)] ^= 0x10;
        }
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      // one side closed: both are closed by try-with-resources
    }
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "corrupting-proxy");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
