package dev.socksgate.core.handshake;

import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.v4.Socks4Reply;
import dev.socksgate.codec.v4.Socks4ReplyCode;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.PasswordAuthReply;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.model.Credentials;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * The client side of a SOCKS4, SOCKS4a or SOCKS5 handshake (RFC 1928, RFC 1929, Tor's RESOLVE and
 * RESOLVE_PTR), sans-IO: the mirror of {@link ServerHandshake}. The caller writes what a {@link
 * Step.Send} holds, reads from the server, and passes what it read to {@link #step}; one step comes
 * back per call.
 *
 * <p>Lockstep: the next message is sent only after the server answered the previous one, because
 * Tor answers only the last of several pipelined handshake messages. The request may carry early
 * (optimistic) data right behind it, in the same write. Every server message is decoded by the
 * codec, which bounds it (a SOCKS5 reply is at most 262 bytes); a message the codec calls malformed
 * fails the handshake. After {@link Step.Done} or {@link Step.Failed} the handshake is finished and
 * every further call returns that same step (fused).
 *
 * <p>Not thread-safe; one per connection.
 */
public final class ClientHandshake {

  /** What the caller does next. */
  public sealed interface Step permits Step.Send, Step.NeedMore, Step.Done, Step.Failed {

    /**
     * Write these bytes to the server, then read and call {@link #step} again.
     *
     * @param bytes a read-only buffer the caller may consume
     */
    record Send(ByteBuffer bytes) implements Step {
      /** Validates the field. */
      public Send {
        Objects.requireNonNull(bytes, "bytes");
      }
    }

    /** Read more from the server; nothing of a message was consumed by this call. */
    record NeedMore() implements Step {}

    /**
     * The server granted the request. Bytes in the input after the reply (a server's first data)
     * stay in the buffer, unconsumed.
     *
     * @param reply the server's reply
     */
    record Done(Reply reply) implements Step {
      /** Validates the field. */
      public Done {
        Objects.requireNonNull(reply, "reply");
      }
    }

    /**
     * The handshake failed; close the connection.
     *
     * @param failure why
     */
    record Failed(ClientFailure failure) implements Step {
      /** Validates the field. */
      public Failed {
        Objects.requireNonNull(failure, "failure");
      }
    }
  }

  /** The server's final reply, as it came. */
  public sealed interface Reply permits Reply.V4, Reply.V5 {

    /**
     * A SOCKS4 or SOCKS4a reply.
     *
     * @param reply the decoded reply
     */
    record V4(Socks4Reply reply) implements Reply {
      /** Validates the field. */
      public V4 {
        Objects.requireNonNull(reply, "reply");
      }
    }

    /**
     * A SOCKS5 reply.
     *
     * @param reply the decoded reply
     */
    record V5(Socks5Reply reply) implements Reply {
      /** Validates the field. */
      public V5 {
        Objects.requireNonNull(reply, "reply");
      }
    }
  }

  private enum Phase {
    START,
    METHOD,
    AUTH,
    REPLY,
    FINISHED
  }

  private final Optional<Socks5Request> socks5;
  private final Optional<Socks4Request> socks4;
  private final Optional<Credentials.UsernamePassword> login;
  private final ByteBuffer earlyData;
  private Phase phase = Phase.START;
  private Step finished = new Step.NeedMore();

  private ClientHandshake(
      Optional<Socks5Request> socks5,
      Optional<Socks4Request> socks4,
      Optional<Credentials.UsernamePassword> login,
      ByteBuffer earlyData) {
    this.socks5 = socks5;
    this.socks4 = socks4;
    this.login = login;
    this.earlyData = earlyData.asReadOnlyBuffer();
  }

  /**
   * A SOCKS5 handshake: offers "no authentication", or only username/password when {@code login} is
   * present, then sends {@code request} followed by {@code earlyData}.
   *
   * @param request the request (CONNECT, RESOLVE or RESOLVE_PTR)
   * @param login RFC 1929 credentials, if any
   * @param earlyData bytes to send right behind the request (its remaining bytes; not consumed)
   * @return a handshake whose {@link #start()} has not been called
   */
  public static ClientHandshake socks5(
      Socks5Request request, Optional<Credentials.UsernamePassword> login, ByteBuffer earlyData) {
    return new ClientHandshake(
        Optional.of(request), Optional.empty(), Objects.requireNonNull(login, "login"), earlyData);
  }

  /**
   * A SOCKS4 or SOCKS4a handshake: sends {@code request} (its user id included) followed by {@code
   * earlyData}.
   *
   * @param request the request
   * @param earlyData bytes to send right behind the request (its remaining bytes; not consumed)
   * @return a handshake whose {@link #start()} has not been called
   */
  public static ClientHandshake socks4(Socks4Request request, ByteBuffer earlyData) {
    return new ClientHandshake(Optional.empty(), Optional.of(request), Optional.empty(), earlyData);
  }

  /**
   * Returns the first message to send: the SOCKS5 greeting, or the SOCKS4 request.
   *
   * @throws IllegalStateException if called twice
   */
  public Step.Send start() {
    if (phase != Phase.START) {
      throw new IllegalStateException("already started");
    }
    if (socks4.isPresent()) {
      phase = Phase.REPLY;
      return withEarlyData(socks4.get().toBytes());
    }
    phase = Phase.METHOD;
    return send(Socks5Greeting.of(offered()).toBytes());
  }

  /** Returns true once the handshake has ended with {@link Step.Done} or {@link Step.Failed}. */
  public boolean isFinished() {
    return phase == Phase.FINISHED;
  }

  /**
   * Consumes the server's bytes from {@code in} (as far as one message goes) and returns the next
   * step.
   *
   * @param in the server's bytes, in read mode
   * @throws IllegalStateException before {@link #start()}
   */
  public Step step(ByteBuffer in) {
    return switch (phase) {
      case START -> throw new IllegalStateException("start() first");
      case METHOD -> onMethod(in);
      case AUTH -> onAuth(in);
      case REPLY -> socks4.isPresent() ? onSocks4Reply(in) : onSocks5Reply(in);
      case FINISHED -> finished;
    };
  }

  private Step onMethod(ByteBuffer in) {
    Decoded<Socks5MethodSelection> d = Socks5MethodSelection.decode(in);
    if (!(d instanceof Decoded.Message<Socks5MethodSelection> m)) {
      return waitOrFail(d);
    }
    Socks5AuthMethod chosen = m.value().method();
    Socks5AuthMethod offered = offered();
    if (chosen.equals(Socks5AuthMethod.NO_ACCEPTABLE)) {
      return fail(new ClientFailure.NoAcceptableMethod());
    }
    if (!chosen.equals(offered)) {
      return fail(new ClientFailure.UnexpectedMethod(chosen));
    }
    if (login.isPresent()) {
      phase = Phase.AUTH;
      Credentials.UsernamePassword c = login.get();
      return send(new PasswordAuthRequest(c.username(), c.password()).toBytes());
    }
    return sendRequest();
  }

  /** The one method offered: username/password when there is a login, else none. */
  private Socks5AuthMethod offered() {
    return login.isPresent() ? Socks5AuthMethod.USERNAME_PASSWORD : Socks5AuthMethod.NO_AUTH;
  }

  private Step onAuth(ByteBuffer in) {
    Decoded<PasswordAuthReply> d = PasswordAuthReply.decode(in);
    if (!(d instanceof Decoded.Message<PasswordAuthReply> m)) {
      return waitOrFail(d);
    }
    return m.value().isSuccess() ? sendRequest() : fail(new ClientFailure.AuthRejected());
  }

  private Step sendRequest() {
    phase = Phase.REPLY;
    return withEarlyData(socks5.orElseThrow().toBytes());
  }

  private Step onSocks5Reply(ByteBuffer in) {
    Decoded<Socks5Reply> d = Socks5Reply.decode(in);
    if (!(d instanceof Decoded.Message<Socks5Reply> m)) {
      return waitOrFail(d);
    }
    Reply reply = new Reply.V5(m.value());
    return m.value().rep().equals(Socks5ReplyCode.SUCCEEDED)
        ? done(reply)
        : fail(new ClientFailure.Refused(reply));
  }

  private Step onSocks4Reply(ByteBuffer in) {
    Decoded<Socks4Reply> d = Socks4Reply.decode(in);
    if (!(d instanceof Decoded.Message<Socks4Reply> m)) {
      return waitOrFail(d);
    }
    Reply reply = new Reply.V4(m.value());
    return m.value().status().equals(Socks4ReplyCode.GRANTED)
        ? done(reply)
        : fail(new ClientFailure.Refused(reply));
  }

  private Step waitOrFail(Decoded<?> d) {
    if (d instanceof Decoded.Malformed<?> bad) {
      return fail(new ClientFailure.Malformed(bad.error().toString()));
    }
    return new Step.NeedMore();
  }

  private Step done(Reply reply) {
    phase = Phase.FINISHED;
    finished = new Step.Done(reply);
    return finished;
  }

  private Step fail(ClientFailure failure) {
    phase = Phase.FINISHED;
    finished = new Step.Failed(failure);
    return finished;
  }

  private Step.Send withEarlyData(byte[] message) {
    ByteBuffer out = ByteBuffer.allocate(message.length + earlyData.remaining());
    out.put(message).put(earlyData.duplicate()).flip();
    return new Step.Send(out.asReadOnlyBuffer());
  }

  private static Step.Send send(byte[] bytes) {
    return new Step.Send(ByteBuffer.wrap(bytes).asReadOnlyBuffer());
  }
}
