package dev.socksgate.core.handshake;

import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.HttpResistance;
import dev.socksgate.codec.ProtocolDetector;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.PasswordAuthReply;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.handshake.HandshakeError.Kind;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.ListenerProtocols;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * The sans-IO server side of one SOCKS connection's handshake (Tor reference §1–§6
 * (docs/tor-reference.md)). Fed the bytes received so far, it returns one {@link HandshakeStep} per
 * call and consumes input only when it makes progress. Every reply is sent, in order, when a client
 * pipelines several messages (Tor sends only the last; see docs/protocol.md#server-behaviour).
 *
 * <p>Each message is dispatched on its first byte, as Tor's {@code parse_socks} does: {@code 04}
 * SOCKS4/4a, {@code 05} or {@code 01} SOCKS5 (greeting, RFC 1929 or request, by state), {@code G H
 * P C} the HTTP-resistance page, anything else a close with the reply the current version calls for
 * (none before a version is known).
 *
 * <p>On a listener that serves HTTP CONNECT ({@link ListenerProtocols}), a first byte that is an
 * ASCII capital (an HTTP method's first letter) hands the connection to the HTTP CONNECT engine
 * ({@link HttpConnectHandshake}), and on an HTTPTunnelPort every connection goes there; it returns
 * the same steps.
 *
 * <p>Not thread-safe: one instance per connection, used by one thread at a time. Fused: after
 * {@link HandshakeStep.Done} or {@link HandshakeStep.Failed}, every call throws {@link
 * IllegalStateException}.
 */
public final class ServerHandshake {

  private static final int RFC1929_VERSION = 0x01;

  private enum Phase {
    ACTIVE,
    AWAITING_VERDICT,
    FINISHED
  }

  private final ClientInfo client;
  private final HandshakeOptions options;
  private final RequestValidator validator;
  private Phase phase = Phase.ACTIVE;
  private int version;
  private boolean passwordSelected; // the greeting's reply chose RFC 1929
  private boolean gotAuth;
  private Credentials credentials = Credentials.NONE;
  private Optional<HttpConnectHandshake> http = Optional.empty();

  /** Starts a handshake for a client that connected through a listener. */
  public ServerHandshake(ClientInfo client, HandshakeOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.options = Objects.requireNonNull(options, "options");
    this.validator = new RequestValidator(client, options);
  }

  /**
   * Returns the SOCKS version recognised so far: 0 (nothing yet), 4 or 5. Tor decides by it what a
   * failure looks like; so does a caller deciding on a timeout reply.
   */
  public int version() {
    return version;
  }

  /**
   * Returns true once the engine returned {@link HandshakeStep.Done} or {@link
   * HandshakeStep.Failed}.
   */
  public boolean isFinished() {
    return phase == Phase.FINISHED;
  }

  /**
   * Advances the handshake with the bytes in {@code in}, from its position to its limit.
   *
   * @param in input; on progress its position moves past the bytes used, never further
   * @throws IllegalStateException after the handshake finished, or while a verdict is awaited
   */
  public HandshakeStep step(ByteBuffer in) {
    if (phase != Phase.ACTIVE) {
      throw new IllegalStateException("handshake is " + phase);
    }
    if (http.isEmpty() && startsHttp(in)) {
      http = Optional.of(new HttpConnectHandshake(client, options));
    }
    if (http.isPresent()) {
      return track(http.get().step(in));
    }
    // Tor parses nothing before two bytes are buffered, whatever the first byte is.
    return switch (ProtocolDetector.detect(in)) {
      case NEED_MORE -> new HandshakeStep.NeedMore(ProtocolDetector.BYTES_NEEDED - in.remaining());
      case SOCKS4 -> socks4(in);
      case SOCKS5 -> socks5(in, false);
      case HTTP ->
          fail(Kind.HTTP_REQUEST, "HTTP request on a SOCKS port", HttpResistance.responseBuffer());
      case UNKNOWN ->
          (in.get(in.position()) & 0xFF) == RFC1929_VERSION
              ? socks5(in, true)
              : failGeneric(
                  version == 0 ? Kind.UNKNOWN_PROTOCOL : Kind.BAD_VERSION,
                  "unrecognised version byte");
    };
  }

  /**
   * Delivers the authenticator's verdict after a {@link HandshakeStep.Verify}.
   *
   * @return {@link HandshakeStep.Send} of {@code 01 00}, or {@link HandshakeStep.Failed} with
   *     {@code 01 01}
   * @throws IllegalStateException if no verdict is awaited
   */
  public HandshakeStep verdict(boolean accepted) {
    if (phase != Phase.AWAITING_VERDICT) {
      throw new IllegalStateException("no verdict awaited: " + phase);
    }
    phase = Phase.ACTIVE;
    if (http.isPresent()) {
      return track(http.get().verdict(accepted));
    }
    if (!accepted) {
      return fail(
          Kind.AUTH_FAILED,
          "credentials refused",
          ReplyCodes.wrap(PasswordAuthReply.FAILURE.toBytes()));
    }
    return send(PasswordAuthReply.SUCCESS.toBytes());
  }

  private boolean startsHttp(ByteBuffer in) {
    ListenerProtocols p = client.listener().protocols();
    if (p == ListenerProtocols.HTTP) {
      return true;
    }
    if (p == ListenerProtocols.SOCKS || version != 0 || !in.hasRemaining()) {
      return false;
    }
    byte first = in.get(in.position());
    return first >= 'A' && first <= 'Z';
  }

  /** Follows the HTTP engine's step with the phase it implies. */
  private HandshakeStep track(HandshakeStep step) {
    if (step instanceof HandshakeStep.Verify) {
      phase = Phase.AWAITING_VERDICT;
    } else if (step instanceof HandshakeStep.Done || step instanceof HandshakeStep.Failed) {
      phase = Phase.FINISHED;
    }
    return step;
  }

  /** Tor's SOCKS5 branch ({@code handle_socks_message}): RFC 1929, greeting or request. */
  private HandshakeStep socks5(ByteBuffer in, boolean rfc1929Byte) {
    if (!gotAuth && (rfc1929Byte || passwordSelected)) {
      return passwordAuth(in);
    }
    return version == 5 ? socks5Request(in) : greeting(in);
  }

  private HandshakeStep greeting(ByteBuffer in) {
    Decoded<Socks5Greeting> d = Socks5Greeting.decode(in);
    if (d instanceof Decoded.NeedMore<Socks5Greeting> n) {
      return new HandshakeStep.NeedMore(n.atLeast());
    }
    if (!(d instanceof Decoded.Message<Socks5Greeting> m)) {
      return failGeneric(Kind.SYNTAX, "no authentication methods"); // version still 0: silent
    }
    Socks5AuthMethod selected =
        Socks5Auth.select(
            m.value(), options.requireAuthentication(), client.listener().preferNoAuth());
    byte[] reply = new Socks5MethodSelection(selected).toBytes();
    if (selected.equals(Socks5AuthMethod.NO_ACCEPTABLE)) {
      return fail(
          Kind.NO_ACCEPTABLE_METHOD, "no acceptable authentication method", ReplyCodes.wrap(reply));
    }
    version = 5;
    passwordSelected = selected.equals(Socks5AuthMethod.USERNAME_PASSWORD);
    return send(reply);
  }

  private HandshakeStep passwordAuth(ByteBuffer in) {
    Decoded<PasswordAuthRequest> d = PasswordAuthRequest.decode(in);
    if (d instanceof Decoded.NeedMore<PasswordAuthRequest> n) {
      return new HandshakeStep.NeedMore(n.atLeast());
    }
    if (!(d instanceof Decoded.Message<PasswordAuthRequest> m)) {
      return failGeneric(Kind.BAD_VERSION, "expected an RFC 1929 request");
    }
    if (version != 5) {
      // Tor parses the whole message, then refuses it: no method was negotiated (reference §5).
      return failGeneric(Kind.UNKNOWN_PROTOCOL, "RFC 1929 request before method negotiation");
    }
    byte[] username = m.value().username();
    if (Socks5Auth.isForbiddenTorExtension(username)) {
      return failGeneric(Kind.BAD_AUTH_EXTENSION, "unsupported <torS0X> username format");
    }
    gotAuth = true;
    Credentials.UsernamePassword up =
        new Credentials.UsernamePassword(username, m.value().password());
    credentials = up;
    if (options.requireAuthentication()) {
      phase = Phase.AWAITING_VERDICT;
      return new HandshakeStep.Verify(up);
    }
    return send(PasswordAuthReply.SUCCESS.toBytes());
  }

  private HandshakeStep socks5Request(ByteBuffer in) {
    Decoded<Socks5Request> d = Socks5Request.decode(in);
    if (d instanceof Decoded.NeedMore<Socks5Request> n) {
      return new HandshakeStep.NeedMore(n.atLeast());
    }
    if (d instanceof Decoded.Malformed<Socks5Request> bad) {
      return failParser(HandshakeError.kindOf(bad.error()), bad.error().describe());
    }
    Socks5Request request = ((Decoded.Message<Socks5Request>) d).value();
    RequestValidator.Result r = validator.socks5(request, credentials);
    if (r instanceof RequestValidator.Invalid invalid) {
      return failParser(invalid.error(), "request refused");
    }
    return done((RequestValidator.Valid) r, in);
  }

  private HandshakeStep socks4(ByteBuffer in) {
    if (in.remaining() < Socks4Request.HEADER_LENGTH) {
      // Tor's handle_socks_message waits for the 8-byte header before it parses anything.
      return new HandshakeStep.NeedMore(Socks4Request.HEADER_LENGTH + 1 - in.remaining());
    }
    version = 4; // set before parsing: every SOCKS4 failure is 5B, as in Tor
    Decoded<Socks4Request> d = Socks4Request.decode(in);
    if (d instanceof Decoded.NeedMore<Socks4Request> n) {
      return new HandshakeStep.NeedMore(n.atLeast());
    }
    if (d instanceof Decoded.Malformed<Socks4Request> bad) {
      return failGeneric(HandshakeError.kindOf(bad.error()), bad.error().describe());
    }
    if (options.requireAuthentication()) {
      // SOCKS4 carries no password: a server that requires one refuses it (our extension).
      return failGeneric(Kind.NO_ACCEPTABLE_METHOD, "SOCKS4 cannot authenticate");
    }
    RequestValidator.Result r = validator.socks4(((Decoded.Message<Socks4Request>) d).value());
    if (r instanceof RequestValidator.Invalid invalid) {
      return failGeneric(invalid.error(), "request refused");
    }
    return done((RequestValidator.Valid) r, in);
  }

  private HandshakeStep done(RequestValidator.Valid r, ByteBuffer in) {
    phase = Phase.FINISHED;
    return new HandshakeStep.Done(r.request(), in.remaining());
  }

  /** Fails with the parser's reply: always the 10-byte ATYP 01 form (Tor reference §6.2). */
  private HandshakeStep failParser(Kind kind, String detail) {
    return fail(kind, detail, ReplyCodes.parserError(ReplyCodes.socks5(kind)));
  }

  /** Fails with Tor's generic reply for the version known so far (Tor reference §1). */
  private HandshakeStep failGeneric(Kind kind, String detail) {
    return fail(kind, detail, ReplyCodes.generic(version, kind, client));
  }

  private HandshakeStep fail(Kind kind, String detail, ByteBuffer reply) {
    phase = Phase.FINISHED;
    return new HandshakeStep.Failed(new HandshakeError(kind, detail), reply);
  }

  private static HandshakeStep send(byte[] bytes) {
    return new HandshakeStep.Send(ReplyCodes.wrap(bytes));
  }
}
