package dev.socksgate.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP/1.0 origin on a loopback address and port 0: answers every request with a fixed body
 * and closes. Records the address each connection came from. One thread per connection is fine for
 * a test origin.
 */
public final class HttpOrigin implements AutoCloseable {

  /** The body every request gets. */
  public static final String BODY = "hello from the origin\n";

  private final ServerSocket server;
  private final List<InetAddress> peers = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private HttpOrigin(InetAddress bind) throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(bind, 0), 50);
    acceptor = new Thread(this::acceptLoop, "http-origin");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts an origin on {@code bind}. */
  public static HttpOrigin start(InetAddress bind) throws IOException {
    return new HttpOrigin(bind);
  }

  /** Returns the port. */
  public int port() {
    return server.getLocalPort();
  }

  /** Returns the addresses connections came from, in order. */
  public List<InetAddress> peers() {
    return List.copyOf(peers);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        peers.add(s.getInetAddress());
        Thread t = new Thread(() -> serve(s), "http-origin-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void serve(Socket s) {
    try (s) {
      s.setSoTimeout(10_000);
      InputStream in = s.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0 && head.size() < 16_384) {
        head.write(b);
        if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
          break;
        }
      }
      byte[] body = BODY.getBytes(StandardCharsets.US_ASCII);
      OutputStream out = s.getOutputStream();
      out.write(
          ("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    } catch (SocketException e) {
      // the client went away; nothing to answer
    } catch (IOException e) {
      // likewise
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
