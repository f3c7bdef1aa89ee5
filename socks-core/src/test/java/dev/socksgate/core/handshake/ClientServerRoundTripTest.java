package dev.socksgate.core.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.v4.Socks4Reply;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.testing.Hex;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link ClientHandshake} against {@link ServerHandshake}, over every scenario of the core's vector
 * suites: each accepted one is replayed with the client built from its messages (the server must
 * end with the suite's request, the client with the server's reply and the server's first data left
 * unconsumed, the early data reaching the server behind the request), and every refusal a suite's
 * server sends is fed to a client waiting for that message. All of it whole, one byte at a time,
 * and three bytes at a time (messages coalesced with what follows).
 */
class ClientServerRoundTripTest {

  /** The suites whose scenarios are replayed. */
  private static final List<Class<?>> SUITES =
      List.of(
          DispatchTest.class,
          RequiredAuthenticationTest.class,
          SafeSocksTest.class,
          Socks4HandshakeTest.class,
          Socks5NegotiationTest.class,
          Socks5RequestTest.class);

  /** Chunk sizes for both directions: whole, byte by byte, coalesced across message borders. */
  private static final List<Integer> CHUNKS = List.of(Integer.MAX_VALUE, 1, 3);

  private static final byte[] SERVER_DATA = Hex.bytes("'HTTP/1.1 200 OK' 0d0a");

  static List<Transcript> scenarios() throws Exception {
    List<Transcript> all = new ArrayList<>();
    for (Class<?> suite : SUITES) {
      Constructor<?> c = suite.getDeclaredConstructor();
      c.setAccessible(true);
      Object instance = c.newInstance();
      for (Method m : suite.getDeclaredMethods()) {
        if (m.isAnnotationPresent(TestFactory.class)) {
          m.setAccessible(true);
          all.addAll(
              TranscriptRunner.collect(
                  () -> {
                    try {
                      m.invoke(instance);
                    } catch (ReflectiveOperationException e) {
                      throw new IllegalStateException(e);
                    }
                  }));
        }
      }
    }
    return all;
  }

  @Test
  void theSuitesHoldScenariosOfEveryEnding() throws Exception {
    List<Transcript> all = scenarios();
    assertTrue(
        all.stream().filter(t -> t.end == Transcript.End.DONE).count() >= 30,
        "accepted scenarios: " + all.size());
    assertTrue(
        all.stream().filter(t -> t.end == Transcript.End.FAILED).count() >= 30,
        "refused scenarios");
  }

  /**
   * Accepted scenarios whose client side no client would send (a SOCKS4 request after a SOCKS5
   * greeting: Tor's parser quirk); the round trip has nothing to rebuild there.
   */
  private static boolean clientCanSpeak(Transcript t) {
    return clientFor(t).isPresent();
  }

  @Test
  void almostEveryAcceptedScenario_isOneAClientCanSpeak() throws Exception {
    List<String> not =
        scenarios().stream()
            .filter(t -> t.end == Transcript.End.DONE)
            .filter(t -> !clientCanSpeak(t))
            .map(t -> t.name)
            .toList();
    assertEquals(List.of("socks4InPlaceOfTheRequest_parsedAsSocks4_quirk"), not);
  }

  @TestFactory
  Stream<DynamicNode> acceptedScenarios_roundTrip() throws Exception {
    return perChunk(
        scenarios().stream()
            .filter(t -> t.end == Transcript.End.DONE)
            .filter(ClientServerRoundTripTest::clientCanSpeak),
        ClientServerRoundTripTest::roundTrip);
  }

  @TestFactory
  Stream<DynamicNode> everyRefusal_reachesTheClientTyped() throws Exception {
    return perChunk(
        scenarios().stream()
            .filter(t -> t.end == Transcript.End.FAILED)
            .filter(t -> refusal(t).length > 0),
        ClientServerRoundTripTest::refusalReachesClient);
  }

  /** One container per scenario, one test per chunk size. */
  private static Stream<DynamicNode> perChunk(
      Stream<Transcript> scenarios, BiConsumer<Transcript, Integer> test) {
    return scenarios.map(
        t ->
            DynamicContainer.dynamicContainer(
                t.name,
                CHUNKS.stream()
                    .map(
                        chunk ->
                            DynamicTest.dynamicTest(
                                "chunk " + chunk, () -> test.accept(t, chunk)))));
  }

  // --- accepted ---------------------------------------------------------------------------

  /** A client rebuilt from a scenario's messages, and the early data it sends. */
  private record Built(ClientHandshake client, byte[] earlyData) {}

  /** Decodes the scenario's client side back into what a client would be asked to do. */
  private static Optional<Built> clientFor(Transcript t) {
    ByteBuffer in = ByteBuffer.wrap(t.allClientBytes());
    if (in.get(0) == 4) {
      return message(Socks4Request.decode(in))
          .map(
              request -> {
                byte[] early = Hex.remaining(in);
                return new Built(ClientHandshake.socks4(request, ByteBuffer.wrap(early)), early);
              });
    }
    if (message(Socks5Greeting.decode(in)).isEmpty()) {
      return Optional.empty();
    }
    Optional<Credentials.UsernamePassword> login = Optional.empty();
    if (in.hasRemaining() && in.get(in.position()) == 1) {
      Optional<PasswordAuthRequest> auth = message(PasswordAuthRequest.decode(in));
      if (auth.isEmpty()) {
        return Optional.empty();
      }
      login =
          Optional.of(
              new Credentials.UsernamePassword(auth.get().username(), auth.get().password()));
    }
    Optional<Credentials.UsernamePassword> credentials = login;
    return message(Socks5Request.decode(in))
        .map(
            request -> {
              byte[] early = Hex.remaining(in);
              return new Built(
                  ClientHandshake.socks5(request, credentials, ByteBuffer.wrap(early)), early);
            });
  }

  /** The message, or empty if the bytes do not hold a whole one. */
  private static <T> Optional<T> message(Decoded<T> d) {
    return d instanceof Decoded.Message<T> m ? Optional.of(m.value()) : Optional.empty();
  }

  private static <T> T message(Decoded<T> d, String what) {
    return message(d).orElseThrow(() -> new AssertionError(what + ": not a whole message: " + d));
  }

  private static void roundTrip(Transcript t, int chunk) {
    Built built = clientFor(t).orElseThrow();
    ClientHandshake client = built.client();
    ServerHandshake server = new ServerHandshake(t.client, t.options);
    Wire toServer = new Wire();
    Wire toClient = new Wire();
    toServer.write(client.start().bytes());
    HandshakeStep.Done serverDone = null;
    ClientHandshake.Step clientEnd = null;
    for (int turn = 0; turn < 100_000 && clientEnd == null; turn++) {
      if (serverDone == null && toServer.deliver(chunk)) {
        serverDone = pumpServer(t, server, toServer, toClient);
        if (serverDone != null) {
          // The use case's answer: success, and the destination's first bytes right behind it.
          byte[] reply =
              server.version() == 4
                  ? Socks4Reply.granted().toBytes()
                  : Socks5Reply.zeroIpv4(Socks5ReplyCode.SUCCEEDED).toBytes();
          toClient.write(ByteBuffer.wrap(Hex.concat(reply, SERVER_DATA)));
        }
      }
      if (toClient.deliver(chunk)) {
        clientEnd = pumpClient(client, toClient, toServer);
      }
    }
    assertNotNull(serverDone, t.name + ": the server never finished");
    assertEquals(t.request, serverDone.request(), t.name);
    ClientHandshake.Step.Done done =
        assertInstanceOf(ClientHandshake.Step.Done.class, clientEnd, t.name);
    assertEquals(server.version() == 4, done.reply() instanceof ClientHandshake.Reply.V4);
    // Everything the client sent after the request is early data, unconsumed by the server.
    toServer.deliver(Integer.MAX_VALUE);
    assertArrayEquals(built.earlyData(), toServer.unread(), t.name + ": early data");
    toClient.deliver(Integer.MAX_VALUE);
    assertArrayEquals(SERVER_DATA, toClient.unread(), t.name + ": the server's first data");
    assertEquals(done, client.step(ByteBuffer.wrap(SERVER_DATA)), "fused after Done");
  }

  /** Steps the server over what it received; returns its Done, or null while it needs more. */
  private static HandshakeStep.Done pumpServer(
      Transcript t, ServerHandshake server, Wire in, Wire out) {
    while (true) {
      ByteBuffer view = in.view();
      HandshakeStep step = server.step(view);
      in.consumedTo(view);
      if (step instanceof HandshakeStep.Verify v) {
        assertNotNull(t.authenticator, t.name + ": unexpected Verify");
        step = server.verdict(t.authenticator.test(v.credentials()));
      }
      if (step instanceof HandshakeStep.Send s) {
        out.write(s.bytes());
      } else if (step instanceof HandshakeStep.Done d) {
        return d;
      } else if (step instanceof HandshakeStep.Failed f) {
        throw new AssertionError(t.name + ": the server refused the client: " + f.error());
      } else {
        return null;
      }
    }
  }

  /** Steps the client over what it received; returns its last step once it has finished. */
  private static ClientHandshake.Step pumpClient(ClientHandshake client, Wire in, Wire out) {
    ByteBuffer view = in.view();
    ClientHandshake.Step step = client.step(view);
    in.consumedTo(view);
    if (step instanceof ClientHandshake.Step.Send s) {
      assertTrue(s.bytes().isReadOnly(), "Send bytes are read-only");
      out.write(s.bytes());
      return null;
    }
    return client.isFinished() ? step : null;
  }

  // --- refused ----------------------------------------------------------------------------

  /** The bytes the suite's server sends last before closing (its refusal), possibly none. */
  private static byte[] refusal(Transcript t) {
    byte[] last = t.exchanges.get(t.exchanges.size() - 1).server();
    // Only SOCKS replies: the HTTP-resistance page answers no SOCKS client.
    return last.length > 0 && (last[0] == 0 || last[0] == 1 || last[0] == 5) ? last : new byte[0];
  }

  private static void refusalReachesClient(Transcript t, int chunk) {
    byte[] refusal = refusal(t);
    ClientHandshake client;
    Class<?> expected;
    if (refusal[0] == 0) { // SOCKS4 reply, 8 bytes
      client =
          ClientHandshake.socks4(
              message(
                  Socks4Request.decode(Hex.buffer("04 01 0050 7f000001 00")), "a SOCKS4 CONNECT"),
              ByteBuffer.allocate(0));
      client.start();
      expected = ClientFailure.Refused.class;
    } else if (refusal[0] == 1) { // RFC 1929 status
      client =
          ClientHandshake.socks5(
              connect(),
              Optional.of(
                  new Credentials.UsernamePassword(Hex.bytes("'alice'"), Hex.bytes("'secret'"))),
              ByteBuffer.allocate(0));
      client.start();
      assertInstanceOf(ClientHandshake.Step.Send.class, client.step(Hex.buffer("05 02")));
      expected = ClientFailure.AuthRejected.class;
    } else if (refusal.length == 2) { // method selection: 05 FF
      client = ClientHandshake.socks5(connect(), Optional.empty(), ByteBuffer.allocate(0));
      client.start();
      expected = ClientFailure.NoAcceptableMethod.class;
    } else { // SOCKS5 reply
      client = ClientHandshake.socks5(connect(), Optional.empty(), ByteBuffer.allocate(0));
      client.start();
      assertInstanceOf(ClientHandshake.Step.Send.class, client.step(Hex.buffer("05 00")));
      expected = ClientFailure.Refused.class;
    }
    // Coalesced with bytes that follow the refusal; they must stay unconsumed.
    Wire in = new Wire();
    in.write(ByteBuffer.wrap(Hex.concat(refusal, SERVER_DATA)));
    ClientHandshake.Step step = null;
    while (!client.isFinished() && in.deliver(chunk)) {
      ByteBuffer view = in.view();
      step = client.step(view);
      in.consumedTo(view);
    }
    ClientHandshake.Step.Failed failed =
        assertInstanceOf(
            ClientHandshake.Step.Failed.class, step, t.name + " " + Hex.format(refusal));
    assertInstanceOf(expected, failed.failure(), t.name);
    if (failed.failure() instanceof ClientFailure.Refused r) {
      byte[] code =
          r.reply() instanceof ClientHandshake.Reply.V5 v5
              ? new byte[] {v5.reply().rep().code()}
              : new byte[] {((ClientHandshake.Reply.V4) r.reply()).reply().status().code()};
      assertEquals(refusal[1], code[0], "the reply's code as sent");
    }
    in.deliver(Integer.MAX_VALUE);
    assertArrayEquals(SERVER_DATA, in.unread(), "bytes after the refusal stay unconsumed");
  }

  private static Socks5Request connect() {
    return message(
        Socks5Request.decode(Hex.buffer("05 01 00 03 0b 'example.com' 0050")), "a SOCKS5 CONNECT");
  }

  /**
   * One direction of a connection: bytes written, of which a chunk at a time is delivered to the
   * receiver's buffer, which keeps what the receiver has not consumed.
   */
  private static final class Wire {
    private byte[] sent = new byte[0];
    private int delivered;
    private byte[] inbox = new byte[0];

    void write(ByteBuffer bytes) {
      sent = Hex.concat(sent, Hex.remaining(bytes.duplicate()));
    }

    /** Moves up to {@code chunk} sent bytes into the inbox; false if none were waiting. */
    boolean deliver(int chunk) {
      int n = Math.min(chunk, sent.length - delivered);
      if (n <= 0) {
        return false;
      }
      inbox = Hex.concat(inbox, java.util.Arrays.copyOfRange(sent, delivered, delivered + n));
      delivered += n;
      return true;
    }

    ByteBuffer view() {
      return ByteBuffer.wrap(inbox).asReadOnlyBuffer();
    }

    void consumedTo(ByteBuffer view) {
      inbox = java.util.Arrays.copyOfRange(inbox, view.position(), inbox.length);
    }

    byte[] unread() {
      return inbox.clone();
    }
  }
}
