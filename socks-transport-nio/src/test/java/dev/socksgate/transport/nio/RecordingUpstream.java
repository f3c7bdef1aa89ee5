package dev.socksgate.transport.nio;

import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.PasswordAuthReply;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.codec.v5.Socks5Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A SOCKS5 upstream for tests, built on the codec, one thread per connection: it records the
 * credentials and request of every session, answers RESOLVE/RESOLVE_PTR from maps, refuses CONNECT
 * to names or ports it is told to with a chosen REP, and otherwise connects to the target (names
 * from its own map, never DNS) and relays. Loopback only.
 */
final class RecordingUpstream implements AutoCloseable {

  /** One session as the upstream saw it. */
  record Session(String username, String password, Socks5Request request) {}

  final List<Session> sessions = new CopyOnWriteArrayList<>();
  final Map<String, InetAddress> names = new ConcurrentHashMap<>();
  final Map<InetAddress, String> ptrs = new ConcurrentHashMap<>();
  final Map<Object, Socks5ReplyCode> refusals = new ConcurrentHashMap<>();
  private final ServerSocket server;

  RecordingUpstream() throws IOException {
    server = new ServerSocket(0, 50, FakeNames.v4());
    Thread t = new Thread(this::acceptLoop, "recording-upstream");
    t.setDaemon(true);
    t.start();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> serve(s), "recording-upstream-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(10_000);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      Socks5Greeting g = read(in, Socks5Greeting::decode);
      if (!g.offers(Socks5AuthMethod.USERNAME_PASSWORD)) {
        out.write(new Socks5MethodSelection(Socks5AuthMethod.NO_ACCEPTABLE).toBytes());
        return;
      }
      out.write(new Socks5MethodSelection(Socks5AuthMethod.USERNAME_PASSWORD).toBytes());
      PasswordAuthRequest auth = read(in, PasswordAuthRequest::decode);
      out.write(PasswordAuthReply.SUCCESS.toBytes());
      Socks5Request req = read(in, Socks5Request::decode);
      sessions.add(
          new Session(
              new String(auth.username(), StandardCharsets.ISO_8859_1),
              new String(auth.password(), StandardCharsets.ISO_8859_1),
              req));
      answer(req, s, in, out);
    } catch (IOException e) {
      // the peer went away
    }
  }

  private void answer(Socks5Request req, Socket s, InputStream in, OutputStream out)
      throws IOException {
    String host = req.dstAddr().toString();
    if (req.command().equals(Socks5Command.RESOLVE)) {
      InetAddress a = names.get(host);
      out.write(
          (a == null
                  ? Socks5Reply.unspecified(Socks5ReplyCode.HOST_UNREACHABLE)
                  : Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, SocksAddress.of(a), 0))
              .toBytes());
      return;
    }
    if (req.command().equals(Socks5Command.RESOLVE_PTR)) {
      String name = ptrs.get(((SocksAddress.Ipv4) req.dstAddr()).address());
      out.write(
          (name == null
                  ? Socks5Reply.unspecified(Socks5ReplyCode.HOST_UNREACHABLE)
                  : Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, SocksAddress.domain(name), 0))
              .toBytes());
      return;
    }
    Socks5ReplyCode refusal = refusals.getOrDefault(host, refusals.get(req.dstPort()));
    if (refusal != null) {
      out.write(Socks5Reply.zeroIpv4(refusal).toBytes());
      return;
    }
    InetAddress target =
        req.dstAddr() instanceof SocksAddress.Domain
            ? names.get(host)
            : InetAddress.getByName(host.replace("[", "").replace("]", ""));
    if (target == null) {
      out.write(Socks5Reply.zeroIpv4(Socks5ReplyCode.HOST_UNREACHABLE).toBytes());
      return;
    }
    try (Socket origin = new Socket()) {
      origin.connect(new InetSocketAddress(target, req.dstPort()), 5_000);
      out.write(Socks5Reply.zeroIpv4(Socks5ReplyCode.SUCCEEDED).toBytes());
      out.flush();
      Thread up = new Thread(() -> pump(in, origin), "upstream-pump");
      up.setDaemon(true);
      up.start();
      origin.getInputStream().transferTo(out);
    } catch (IOException e) {
      out.write(Socks5Reply.zeroIpv4(Socks5ReplyCode.CONNECTION_REFUSED).toBytes());
    }
  }

  private static void pump(InputStream in, Socket origin) {
    try {
      in.transferTo(origin.getOutputStream());
      origin.shutdownOutput();
    } catch (IOException e) {
      // either side went away
    }
  }

  /** Reads one message, byte by byte where needed: never past its end (optimistic data). */
  private static <T> T read(InputStream in, Function<ByteBuffer, Decoded<T>> decoder)
      throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(600);
    while (true) {
      buf.flip();
      Decoded<T> d = decoder.apply(buf);
      if (d instanceof Decoded.Message<T> m) {
        return m.value();
      }
      if (!(d instanceof Decoded.NeedMore<T> n)) {
        throw new IOException("malformed: " + d);
      }
      buf.position(buf.limit()).limit(buf.capacity());
      byte[] more = in.readNBytes(n.atLeast());
      if (more.length < n.atLeast()) {
        throw new IOException("EOF");
      }
      buf.put(more);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
