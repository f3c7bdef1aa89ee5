package dev.socksgate.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A loopback HTTPS origin with a throw-away self-signed certificate (made by the JDK's {@code
 * keytool} in a temporary folder), answering every request with {@link #PAGE}. Browsers reach it
 * only with certificate errors ignored; it exists so that a browser sends HTTP CONNECT, which it
 * does only for {@code https://} URLs.
 */
public final class TlsOrigin implements AutoCloseable {

  /** The page every request gets. */
  public static final String PAGE =
      "<html><head><title>tls origin</title></head><body><p id=\"m\">through the tunnel</p>"
          + "</body></html>";

  private static final String PASSWORD = "changeit";
  private final SSLServerSocket server;

  private TlsOrigin(SSLServerSocket server) {
    this.server = server;
    Thread t = new Thread(this::acceptLoop, "tls-origin");
    t.setDaemon(true);
    t.start();
  }

  /** Makes a certificate for 127.0.0.1 in {@code dir} and starts serving on 127.0.0.1. */
  public static TlsOrigin start(Path dir) throws Exception {
    Path store = dir.resolve("origin.p12");
    Tools.Result made =
        Tools.run(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "origin",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD),
            null);
    assertEquals(0, made.exit(), made.out());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(store)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    SSLServerSocket s = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
    s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    return new TlsOrigin(s);
  }

  /** Returns the port. */
  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> serve(s), "tls-origin-conn");
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
      byte[] body = PAGE.getBytes(StandardCharsets.US_ASCII);
      OutputStream out = s.getOutputStream();
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    } catch (IOException e) {
      // a browser that gave up on a connection (a speculative one, a favicon): nothing to serve
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
