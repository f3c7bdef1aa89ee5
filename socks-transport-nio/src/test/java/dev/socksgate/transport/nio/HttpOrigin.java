package dev.socksgate.transport.nio;

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

/** A tiny HTTP/1.0 responder on loopback: every request gets 200 and a fixed body, then close. */
final class HttpOrigin implements AutoCloseable {

  static final String BODY = "hello through socksgate\n";

  private final ServerSocket server;
  private final Thread thread;

  HttpOrigin(InetAddress bind) throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(bind, 0), 50);
    thread = new Thread(this::run, "http-origin");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void run() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> answer(s), "http-origin-conn");
        t.setDaemon(true);
        t.start();
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        e.printStackTrace();
      }
    }
  }

  private static void answer(Socket s) {
    try (s) {
      s.setSoTimeout(SocksClient.TIMEOUT_MILLIS);
      InputStream in = s.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        head.write(b);
        String h = head.toString(StandardCharsets.ISO_8859_1);
        if (h.endsWith("\r\n\r\n")) {
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
    } catch (IOException e) {
      e.printStackTrace();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
