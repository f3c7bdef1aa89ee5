package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.v5.Socks5Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A blocking test client: writes in chunks of a chosen size (each flushed on its own, with
 * TCP_NODELAY, to force partial reads on the server) and reads with a bounded SO_TIMEOUT, so every
 * wait in a test ends.
 */
final class SocksClient implements AutoCloseable {

  static final int TIMEOUT_MILLIS = 5000;

  final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private int chunk;

  private SocksClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  static SocksClient connect(InetSocketAddress proxy) throws IOException {
    return open(new Socket(), proxy);
  }

  /**
   * Connects from {@code source}: 127.0.0.2, 127.0.0.3 … play other clients (Linux routes all of
   * 127.0.0.0/8 to lo).
   */
  static SocksClient connectFrom(InetAddress source, InetSocketAddress proxy) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(source, 0));
    return open(s, proxy);
  }

  private static SocksClient open(Socket s, InetSocketAddress proxy) throws IOException {
    s.setTcpNoDelay(true);
    s.setSoTimeout(TIMEOUT_MILLIS);
    s.connect(proxy, TIMEOUT_MILLIS);
    return new SocksClient(s);
  }

  /** Sets the write chunk size; 0 writes each call whole. */
  SocksClient chunk(int bytes) {
    this.chunk = bytes;
    return this;
  }

  void send(byte[]... parts) throws IOException {
    byte[] all = Wire.concat(parts);
    int step = chunk <= 0 ? Math.max(1, all.length) : chunk;
    for (int off = 0; off < all.length; off += step) {
      out.write(all, off, Math.min(step, all.length - off));
      out.flush();
    }
  }

  byte[] read(int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      fail("EOF after " + b.length + " of " + n + " bytes: " + HexFormat.of().formatHex(b));
    }
    return b;
  }

  void expect(byte[] expected) throws IOException {
    assertArrayEquals(expected, read(expected.length), "bytes from the server");
  }

  /** Reads one SOCKS5 reply, exactly its bytes. */
  Socks5Reply readSocks5Reply() throws IOException {
    byte[] got = new byte[0];
    while (true) {
      Decoded<Socks5Reply> d = Socks5Reply.decode(ByteBuffer.wrap(got));
      if (d instanceof Decoded.Message<Socks5Reply> m) {
        return m.value();
      }
      if (d instanceof Decoded.NeedMore<Socks5Reply> n) {
        byte[] more = read(n.atLeast());
        got = Wire.concat(got, more);
      } else {
        fail("malformed reply " + HexFormat.of().formatHex(got));
      }
    }
  }

  /** Reads to EOF and returns everything read. */
  byte[] readToEof() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] b = new byte[8192];
    int n;
    while ((n = in.read(b)) >= 0) {
      all.write(b, 0, n);
    }
    return all.toByteArray();
  }

  /** Asserts that the server closes (EOF or reset) with no further byte. */
  void expectClosedWithNothing() throws IOException {
    try {
      byte[] rest = readToEof();
      assertEquals("", HexFormat.of().formatHex(rest), "bytes before EOF");
    } catch (java.net.SocketException reset) {
      // a reset also ends the connection without bytes
    }
  }

  void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static byte[] slice(byte[] b, int from, int to) {
    return Arrays.copyOfRange(b, from, to);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
