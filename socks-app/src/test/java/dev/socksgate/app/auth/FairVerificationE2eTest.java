package dev.socksgate.app.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.policy.TorDestinationPolicy;
import dev.socksgate.core.port.Authenticator;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.core.session.StreamService;
import dev.socksgate.transport.nio.NioExit;
import dev.socksgate.transport.nio.NioExitConnector;
import dev.socksgate.transport.nio.NioServerConfig;
import dev.socksgate.transport.nio.NioSocksServer;
import dev.socksgate.transport.nio.NioTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fair verification through the real transport over loopback: a client at 127.0.0.2 floods wrong
 * passwords while a client at 127.0.0.3 logs in. One verification thread and checks held at a gate
 * make the order exact; the test asserts the order the checks ran in and every answer, never a
 * time.
 */
class FairVerificationE2eTest {

  private static final InetAddress FLOODER = address("127.0.0.2");
  private static final InetAddress USER = address("127.0.0.3");

  private final Semaphore gate = new Semaphore(0);
  private final List<String> ran = new CopyOnWriteArrayList<>(); // users, in the order checked
  private final BlockingQueue<String> submitted = new LinkedBlockingQueue<>();

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** Accepts alice/right only; every check waits at the gate and records whose it was. */
  private Authenticator authenticator(FairVerifier verifier) {
    return (client, username, password) -> {
      String user = new String(username, StandardCharsets.US_ASCII);
      String pass = new String(password, StandardCharsets.US_ASCII);
      var answer =
          verifier.submit(
              client,
              ByteBuffer.wrap((user + ":" + pass).getBytes(StandardCharsets.US_ASCII)),
              () -> {
                ran.add(user);
                gate.acquireUninterruptibly();
                return user.equals("alice") && pass.equals("right");
              });
      submitted.add(user + "@" + client.getHostAddress());
      return answer;
    };
  }

  private static NioSocksServer server(NioTransport transport, Authenticator auth) {
    Resolver none =
        new Resolver() {
          @Override
          public java.util.concurrent.CompletionStage<List<InetAddress>> resolve(
              String name, dev.socksgate.core.model.IsolationKey key) {
            return CompletableFuture.completedFuture(List.of());
          }

          @Override
          public java.util.concurrent.CompletionStage<Optional<String>> reverse(
              InetAddress address, dev.socksgate.core.model.IsolationKey key) {
            return CompletableFuture.completedFuture(Optional.empty());
          }
        };
    StreamService<NioExit> service =
        new StreamService<>(
            none,
            new NioExitConnector(transport, none, Duration.ofSeconds(10)),
            new TorIsolationPolicy(),
            new TorDestinationPolicy(false, false, false));
    return new NioSocksServer(
        transport,
        service,
        NioServerConfig.builder()
            .listener(new InetSocketAddress("127.0.0.1", 0), ListenerSettings.torDefaults(1))
            .handshake(new HandshakeOptions(true, false))
            .authenticator(auth)
            .build());
  }

  /** Connects from {@code source} and sends a greeting and an RFC 1929 request. */
  private static Socket login(InetSocketAddress proxy, InetAddress source, String user, String pass)
      throws IOException {
    Socket s = new Socket();
    s.setSoTimeout(30_000); // a bounded wait, not a timing assertion
    s.bind(new InetSocketAddress(source, 0));
    s.connect(proxy);
    byte[] u = user.getBytes(StandardCharsets.US_ASCII);
    byte[] p = pass.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(3 + 3 + u.length + p.length);
    b.put(new byte[] {5, 1, 2, 1, (byte) u.length}).put(u).put((byte) p.length).put(p);
    s.getOutputStream().write(b.array());
    return s;
  }

  /** Reads the method selection and the RFC 1929 reply; returns the reply's status byte. */
  private static int status(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    byte[] got = in.readNBytes(4);
    assertArrayEquals(new byte[] {5, 2, 1}, java.util.Arrays.copyOf(got, 3));
    return got[3];
  }

  private static void expectClosed(Socket s) throws IOException {
    assertEquals(-1, s.getInputStream().read(), "closed after a refusal");
  }

  @Test
  void secondAddressIsServedWhileTheFirstFloods() throws Exception {
    NioTransport transport = new NioTransport(1);
    try (FairVerifier verifier = new FairVerifier(1, 256, System::nanoTime, AuthEvents.NONE)) {
      NioSocksServer server = server(transport, authenticator(verifier));
      server.start();
      InetSocketAddress proxy = server.boundAddresses().get(0);
      List<Socket> open = new ArrayList<>();
      try {
        int limit = VerificationScheduler.PER_ADDRESS_LIMIT;
        for (int i = 0; i < limit; i++) {
          open.add(login(proxy, FLOODER, "mallory", "guess" + i));
          assertEquals("mallory@127.0.0.2", submitted.poll(30, TimeUnit.SECONDS));
        }
        // Over the bound: 01 01 and closed at once, while every check is still held at the gate.
        for (int i = 0; i < 2; i++) {
          try (Socket over = login(proxy, FLOODER, "mallory", "more" + i)) {
            assertEquals(1, status(over));
            expectClosed(over);
          }
        }
        Socket alice = login(proxy, USER, "alice", "right");
        open.add(alice);
        assertEquals("mallory@127.0.0.2", submitted.poll(30, TimeUnit.SECONDS));
        assertEquals("mallory@127.0.0.2", submitted.poll(30, TimeUnit.SECONDS));
        assertEquals("alice@127.0.0.3", submitted.poll(30, TimeUnit.SECONDS));
        gate.release(limit + 1);

        assertEquals(0, status(alice), "alice is accepted");
        for (int i = 0; i < limit; i++) {
          assertEquals(1, status(open.get(i)));
          expectClosed(open.get(i));
        }
        // The first guess was running when alice came, the second had its turn already queued
        // ahead of her; then she went before the rest of the flood's backlog.
        assertEquals(List.of("mallory", "mallory", "alice", "mallory", "mallory"), ran);
      } finally {
        for (Socket s : open) {
          s.close();
        }
        server.stop(Duration.ofSeconds(5));
      }
    }
  }
}
