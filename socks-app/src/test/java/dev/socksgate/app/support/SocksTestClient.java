package dev.socksgate.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.PasswordAuthReply;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5Request;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** A blocking SOCKS5 client for tests, speaking through the codec's client direction. */
public final class SocksTestClient implements AutoCloseable {

  private final Socket socket;
  private final ByteBuffer in = ByteBuffer.allocate(1024).flip();

  private SocksTestClient(Socket socket) {
    this.socket = socket;
  }

  /** Connects to the proxy with a bounded read timeout. */
  public static SocksTestClient connect(InetSocketAddress proxy) throws IOException {
    Socket s = new Socket();
    s.connect(proxy, 10_000);
    s.setSoTimeout(10_000);
    return new SocksTestClient(s);
  }

  /** Negotiates username/password (RFC 1929) and asserts success. */
  public SocksTestClient login(String user, String password) throws IOException {
    send(Socks5Greeting.of(Socks5AuthMethod.USERNAME_PASSWORD).toBytes());
    assertEquals(Socks5AuthMethod.USERNAME_PASSWORD,
        read(Socks5MethodSelection::decode).method());
    send(new PasswordAuthRequest(user.getBytes(StandardCharsets.UTF_8),
        password.getBytes(StandardCharsets.UTF_8)).toBytes());
    assertEquals(PasswordAuthReply.SUCCESS, read(PasswordAuthReply::decode));
    return this;
  }

  /** Negotiates "no authentication" and asserts success. */
  public SocksTestClient noAuth() throws IOException {
    send(Socks5Greeting.of(Socks5AuthMethod.NO_AUTH).toBytes());
    assertEquals(Socks5AuthMethod.NO_AUTH, read(Socks5MethodSelection::decode).method());
    return this;
  }

  /** Sends a request and returns the reply. */
  public Socks5Reply request(Socks5Command command, SocksAddress address, int port)
      throws IOException {
    send(new Socks5Request(command, address, port).toBytes());
    return read(Socks5Reply::decode);
  }

  /** Writes raw bytes. */
  public void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  /** Reads exactly {@code n} bytes after the handshake. */
  public byte[] readExactly(int n) throws IOException {
    byte[] out = new byte[n];
    int got = Math.min(in.remaining(), n);
    in.get(out, 0, got);
    InputStream s = socket.getInputStream();
    while (got < n) {
      int r = s.read(out, got, n - got);
      if (r < 0) {
        throw new IOException("EOF after " + got + " of " + n + " bytes");
      }
      got += r;
    }
    return out;
  }

  private <T> T read(Function<ByteBuffer, Decoded<T>> decoder) throws IOException {
    while (true) {
      Decoded<T> d = decoder.apply(in);
      if (d instanceof Decoded.Message<T> m) {
        return m.value();
      }
      assertInstanceOf(Decoded.NeedMore.class, d, "malformed reply");
      in.compact();
      int r = socket.getInputStream().read(in.array(), in.position(), in.remaining());
      if (r < 0) {
        throw new IOException("EOF while reading a reply");
      }
      in.position(in.position() + r).flip();
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
