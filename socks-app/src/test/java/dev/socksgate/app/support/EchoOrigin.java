package dev.socksgate.app.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A loopback echo server on port 0, one daemon thread per connection. */
public final class EchoOrigin implements AutoCloseable {

  private final ServerSocket server;

  private EchoOrigin() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    Thread t = new Thread(this::acceptLoop, "echo-origin");
    t.setDaemon(true);
    t.start();
  }

  /** Starts an echo origin on 127.0.0.1. */
  public static EchoOrigin start() throws IOException {
    return new EchoOrigin();
  }

  /** Returns the port. */
  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> echo(s), "echo-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void echo(Socket s) {
    try (s) {
      s.getInputStream().transferTo(s.getOutputStream());
    } catch (IOException e) {
      // peer gone
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
