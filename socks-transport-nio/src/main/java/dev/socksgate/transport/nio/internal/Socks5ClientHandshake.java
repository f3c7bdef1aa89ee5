package dev.socksgate.transport.nio.internal;

import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.v5.PasswordAuthReply;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.handshake.ReplyCodes;
import dev.socksgate.core.model.StreamFailure;
import java.nio.ByteBuffer;

/**
 * The client side of a SOCKS5 handshake with username/password (RFC 1928, RFC 1929), sans-IO, in
 * lockstep: greeting, then credentials, then the request. Lockstep because Tor answers only the
 * last of several pipelined handshake messages (Tor reference §1). The request may carry
 * optimistic data right behind it (Tor keeps bytes after a request).
 *
 * <p>Not thread-safe; one per upstream connection.
 */
final class Socks5ClientHandshake {

  /** What to do next. Exactly one field set, or none for "need more input". */
  record Step(ByteBuffer send, Socks5Reply reply, StreamFailure failure) {
    static Step needMore() {
      return new Step(null, null, null);
    }
  }

  private enum Phase { METHOD, AUTH, REPLY, FINISHED }

  private final byte[] username;
  private final byte[] password;
  private final Socks5Request request;
  private final ByteBuffer early;
  private Phase phase = Phase.METHOD;

  Socks5ClientHandshake(byte[] username, byte[] password, Socks5Request request,
      ByteBuffer early) {
    this.username = username;
    this.password = password;
    this.request = request;
    this.early = early;
  }

  /** Returns the greeting: only username/password is offered. */
  ByteBuffer start() {
    return ByteBuffer.wrap(Socks5Greeting.of(Socks5AuthMethod.USERNAME_PASSWORD).toBytes());
  }

  /** Consumes server bytes from {@code in}; returns the next step. */
  Step onInput(ByteBuffer in) {
    switch (phase) {
      case METHOD -> {
        Decoded<Socks5MethodSelection> d = Socks5MethodSelection.decode(in);
        if (d instanceof Decoded.Message<Socks5MethodSelection> m) {
          if (!m.value().method().equals(Socks5AuthMethod.USERNAME_PASSWORD)) {
            return fail(StreamFailure.GENERAL);
          }
          phase = Phase.AUTH;
          return send(new PasswordAuthRequest(username, password).toBytes());
        }
        return waitOrFail(d);
      }
      case AUTH -> {
        Decoded<PasswordAuthReply> d = PasswordAuthReply.decode(in);
        if (d instanceof Decoded.Message<PasswordAuthReply> m) {
          if (!m.value().isSuccess()) {
            return fail(StreamFailure.GENERAL);
          }
          phase = Phase.REPLY;
          ByteBuffer out = ByteBuffer.allocate(request.encodedLength() + early.remaining());
          request.encode(out);
          out.put(early).flip();
          return new Step(out, null, null);
        }
        return waitOrFail(d);
      }
      case REPLY -> {
        Decoded<Socks5Reply> d = Socks5Reply.decode(in);
        if (d instanceof Decoded.Message<Socks5Reply> m) {
          phase = Phase.FINISHED;
          Socks5ReplyCode rep = m.value().rep();
          return rep.equals(Socks5ReplyCode.SUCCEEDED)
              ? new Step(null, m.value(), null) : fail(ReplyCodes.failureOf(rep));
        }
        return waitOrFail(d);
      }
      default -> throw new IllegalStateException("handshake finished");
    }
  }

  private Step waitOrFail(Decoded<?> d) {
    return d instanceof Decoded.NeedMore<?> ? Step.needMore() : fail(StreamFailure.GENERAL);
  }

  private Step fail(StreamFailure f) {
    phase = Phase.FINISHED;
    return new Step(null, null, f);
  }

  private static Step send(byte[] bytes) {
    return new Step(ByteBuffer.wrap(bytes), null, null);
  }
}
