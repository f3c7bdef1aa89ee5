package dev.socksgate.core.handshake;

import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.testing.Hex;
import dev.socksgate.core.testing.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One handshake scenario: what the client writes, message by message, what the server must send
 * after each message, and how the handshake ends. {@link TranscriptRunner} plays it three ways.
 *
 * <p>{@code trailing} bytes travel in the same write as the last message: optimistic data that must
 * stay in the buffer after {@link HandshakeStep.Done}, or bytes after a failing prefix that the
 * engine must never need.
 */
final class Transcript {

  /** One client message and the bytes the server must send in answer to it (possibly none). */
  record Exchange(byte[] client, byte[] server) {}

  /** How the handshake ends. */
  enum End {
    DONE,
    FAILED,
    NEED_MORE
  }

  final String name;
  final ClientInfo client;
  final HandshakeOptions options;
  final Predicate<Credentials.UsernamePassword> authenticator;
  final List<Exchange> exchanges;
  final byte[] trailing;
  final End end;
  final StreamRequest request;
  final HandshakeError.Kind error;

  private Transcript(Builder b) {
    this.name = b.name;
    this.client = b.client;
    this.options = b.options;
    this.authenticator = b.authenticator;
    this.exchanges = List.copyOf(b.exchanges);
    this.trailing = b.trailing;
    this.end = b.end;
    this.request = b.request;
    this.error = b.error;
  }

  /** Starts a scenario from an IPv4 client with Tor's default options. */
  static Builder scenario(String name) {
    return new Builder(name);
  }

  /** Returns every client byte in order, trailing bytes included. */
  byte[] allClientBytes() {
    return Hex.concat(clientBytesThrough(exchanges.size()), trailing);
  }

  /** Returns the client bytes of the first {@code n} exchanges. */
  byte[] clientBytesThrough(int n) {
    return Hex.concat(
        exchanges.subList(0, n).stream().map(Exchange::client).toArray(byte[][]::new));
  }

  /** Returns the server bytes expected after the first {@code n} exchanges. */
  byte[] serverBytesThrough(int n) {
    return Hex.concat(
        exchanges.subList(0, n).stream().map(Exchange::server).toArray(byte[][]::new));
  }

  @Override
  public String toString() {
    return name;
  }

  /** Builds a scenario: {@code send(...).expect(...)} pairs, then one ending. */
  static final class Builder {
    private final String name;
    private ClientInfo client = Requests.ipv4Client();
    private HandshakeOptions options = HandshakeOptions.TOR_DEFAULTS;
    private Predicate<Credentials.UsernamePassword> authenticator;
    private final List<Exchange> exchanges = new ArrayList<>();
    private byte[] pending;
    private byte[] trailing = new byte[0];
    private End end;
    private StreamRequest request;
    private HandshakeError.Kind error;

    private Builder(String name) {
      this.name = name;
    }

    Builder client(ClientInfo c) {
      this.client = c;
      return this;
    }

    Builder options(HandshakeOptions o) {
      this.options = o;
      return this;
    }

    /** Answers every {@link HandshakeStep.Verify} with this verdict function. */
    Builder authenticator(Predicate<Credentials.UsernamePassword> a) {
      this.authenticator = a;
      return this;
    }

    Builder send(String hex) {
      return send(Hex.bytes(hex));
    }

    Builder send(byte[] bytes) {
      if (pending != null) {
        expect(new byte[0]);
      }
      pending = bytes.clone();
      return this;
    }

    Builder expect(String hex) {
      return expect(Hex.bytes(hex));
    }

    Builder expect(byte[] bytes) {
      Objects.requireNonNull(pending, "send before expect");
      exchanges.add(new Exchange(pending, bytes.clone()));
      pending = null;
      return this;
    }

    /** Bytes in the same write as the last message, after it. */
    Builder trailing(String hex) {
      return trailing(Hex.bytes(hex));
    }

    Builder trailing(byte[] bytes) {
      this.trailing = bytes.clone();
      return this;
    }

    Transcript done(StreamRequest expected) {
      this.request = Objects.requireNonNull(expected);
      return finish(End.DONE);
    }

    Transcript failed(HandshakeError.Kind kind) {
      this.error = Objects.requireNonNull(kind);
      return finish(End.FAILED);
    }

    Transcript needMore() {
      return finish(End.NEED_MORE);
    }

    private Transcript finish(End e) {
      if (pending != null) {
        expect(new byte[0]);
      }
      if (exchanges.isEmpty()) {
        throw new IllegalStateException("a scenario needs at least one message");
      }
      if (e == End.NEED_MORE && trailing.length > 0) {
        throw new IllegalStateException("trailing bytes need a finished handshake");
      }
      this.end = e;
      return new Transcript(this);
    }
  }
}
