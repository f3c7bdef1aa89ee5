package dev.socksgate.app.support;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.handshake.ClientFailure;
import dev.socksgate.core.handshake.ClientHandshake;
import dev.socksgate.core.model.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A blocking SOCKS5 client for tests, driving the core's {@link ClientHandshake}: choose the
 * authentication ({@link #noAuth()} or {@link #login}), then {@link #request} runs the whole
 * handshake in lockstep and returns the server's reply. Reads are bounded by a 10 s timeout.
 */
public final class SocksTestClient implements AutoCloseable {

  private final Socket socket;
  private final ByteBuffer in = ByteBuffer.allocate(1024).flip();
  private Optional<Credentials.UsernamePassword> login = Optional.empty();

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

  /** Offers only username/password (RFC 1929) with these credentials. */
  public SocksTestClient login(String user, String password) {
    login =
        Optional.of(
            new Credentials.UsernamePassword(
                user.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** Offers only "no authentication" (the default). */
  public SocksTestClient noAuth() {
    login = Optional.empty();
    return this;
  }

  /**
   * Runs the handshake for this request and returns the server's reply, success or refusal.
   *
   * @throws AssertionError if the negotiation fails before the request (method, credentials) or the
   *     server's bytes are malformed
   */
  public Socks5Reply request(Socks5Command command, SocksAddress address, int port)
      throws IOException {
    ClientHandshake client =
        ClientHandshake.socks5(
            new Socks5Request(command, address, port), login, ByteBuffer.allocate(0));
    send(client.start().bytes());
    while (true) {
      ClientHandshake.Step step = client.step(in);
      if (step instanceof ClientHandshake.Step.Send s) {
        send(s.bytes());
      } else if (step instanceof ClientHandshake.Step.Done d) {
        return ((ClientHandshake.Reply.V5) d.reply()).reply();
      } else if (step instanceof ClientHandshake.Step.Failed f) {
        if (f.failure() instanceof ClientFailure.Refused r
            && r.reply() instanceof ClientHandshake.Reply.V5 v5) {
          return v5.reply();
        }
        throw new AssertionError("handshake failed: " + f.failure());
      } else {
        fill();
      }
    }
  }

  /** Writes raw bytes. */
  public void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  private void send(ByteBuffer bytes) throws IOException {
    byte[] b = new byte[bytes.remaining()];
    bytes.get(b);
    send(b);
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

  /** Asserts that the server closes the connection (EOF or reset) with no further byte. */
  public void expectEof() throws IOException {
    if (in.hasRemaining()) {
      throw new AssertionError(in.remaining() + " bytes before the expected EOF");
    }
    int r;
    try {
      r = socket.getInputStream().read();
    } catch (java.net.SocketException reset) {
      return; // a reset also ends the connection without bytes
    }
    if (r >= 0) {
      throw new AssertionError("a byte before the expected EOF");
    }
  }

  /** Reads once more into the buffer (kept in read mode); EOF is an IOException. */
  private void fill() throws IOException {
    in.compact();
    int r = socket.getInputStream().read(in.array(), in.position(), in.remaining());
    if (r < 0) {
      throw new IOException("EOF during the handshake");
    }
    in.position(in.position() + r).flip();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
