package dev.socksgate.core.handshake;

import dev.socksgate.codec.CodecError;
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
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The sans-IO server side of one SOCKS connection's handshake (Tor reference §1–§6). Fed the bytes
 * received so far, it returns one {@link HandshakeStep} per call and consumes input only when it
 * makes progress. Every reply is sent, in order, when a client pipelines several messages (Tor
 * sends only the last; see docs/protocol.md).
 *
 * <p>Not thread-safe: one instance per connection, used by one thread at a time. Fused: after
 * {@link HandshakeStep.Done} or {@link HandshakeStep.Failed}, every call throws {@link
 * IllegalStateException}.
 */
public final class ServerHandshake {

  private static final byte[] TOR_EXTENSION_PREFIX = {'<', 't', 'o', 'r', 'S', '0', 'X', '>'};
  private static final byte[] TOR_EXTENSION_FORMAT_0 =
      {'<', 't', 'o', 'r', 'S', '0', 'X', '>', '0'};

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
  private Socks5AuthMethod method;
  private boolean gotAuth;
  private Credentials credentials = Credentials.NONE;

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

  /** Returns true once the engine returned {@link HandshakeStep.Done} or {@link HandshakeStep.Failed}. */
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
    if (in.remaining() < ProtocolDetector.BYTES_NEEDED) {
      // Tor parses nothing before two bytes are buffered, whatever the first byte is.
      return new HandshakeStep.NeedMore(ProtocolDetector.BYTES_NEEDED - in.remaining());
    }
    if (version == 0) {
      return switch (ProtocolDetector.detect(in)) {
        case SOCKS4 -> socks4(in);
        case SOCKS5 -> greeting(in);
        case HTTP -> fail(Kind.HTTP_REQUEST, "HTTP request on a SOCKS port",
            HttpResistance.responseBuffer());
        default -> fail(Kind.UNKNOWN_PROTOCOL, "unrecognised first byte", empty());
      };
    }
    int first = in.get(in.position()) & 0xFF;
    if (!gotAuth && (first == 0x01 || method.equals(Socks5AuthMethod.USERNAME_PASSWORD))) {
      return passwordAuth(in);
    }
    return switch (first) {
      case 0x04 -> socks4(in); // Tor quirk kept: SOCKS4 in place of the SOCKS5 request
      case 0x05 -> socks5Request(in);
      default -> failGeneric(Kind.BAD_VERSION, "unexpected version byte");
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
    if (!accepted) {
      return fail(Kind.AUTH_FAILED, "credentials refused",
          ReplyCodes.wrap(PasswordAuthReply.FAILURE.toBytes()));
    }
    return send(PasswordAuthReply.SUCCESS.toBytes());
  }

  private HandshakeStep greeting(ByteBuffer in) {
    Decoded<Socks5Greeting> d = Socks5Greeting.decode(in);
    if (d instanceof Decoded.NeedMore<Socks5Greeting> n) {
      return new HandshakeStep.NeedMore(n.atLeast());
    }
    if (!(d instanceof Decoded.Message<Socks5Greeting> m)) {
      return fail(Kind.SYNTAX, "no authentication methods", empty()); // version still 0: silent
    }
    version = 5;
    Socks5Greeting g = m.value();
    boolean offersPassword = g.offers(Socks5AuthMethod.USERNAME_PASSWORD);
    boolean offersNone = g.offers(Socks5AuthMethod.NO_AUTH) && !options.requireAuthentication();
    if (offersPassword && !(offersNone && client.listener().preferNoAuth())) {
      method = Socks5AuthMethod.USERNAME_PASSWORD;
    } else if (offersNone) {
      method = Socks5AuthMethod.NO_AUTH;
    } else {
      return fail(Kind.NO_ACCEPTABLE_METHOD, "no acceptable authentication method",
          ReplyCodes.wrap(new Socks5MethodSelection(Socks5AuthMethod.NO_ACCEPTABLE).toBytes()));
    }
    return send(new Socks5MethodSelection(method).toBytes());
  }

  private HandshakeStep passwordAuth(ByteBuffer in) {
    Decoded<PasswordAuthRequest> d = PasswordAuthRequest.decode(in);
    if (d instanceof Decoded.NeedMore<PasswordAuthRequest> n) {
      return new HandshakeStep.NeedMore(n.atLeast());
    }
    if (!(d instanceof Decoded.Message<PasswordAuthRequest> m)) {
      return failGeneric(Kind.BAD_VERSION, "expected an RFC 1929 request");
    }
    byte[] username = m.value().username();
    if (startsWith(username, TOR_EXTENSION_PREFIX)
        && !Arrays.equals(username, TOR_EXTENSION_FORMAT_0)) {
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
      return failParser(malformedKind(bad.error()), bad.error().describe());
    }
    Socks5Request request = ((Decoded.Message<Socks5Request>) d).value();
    RequestValidator.Result r = validator.socks5(request, credentials);
    if (r.error() != null) {
      return failParser(r.error(), "request refused");
    }
    return done(r, in);
  }

  private HandshakeStep socks4(ByteBuffer in) {
    version = 4; // set before parsing: every SOCKS4 failure is 5B, as in Tor
    Decoded<Socks4Request> d = Socks4Request.decode(in);
    if (d instanceof Decoded.NeedMore<Socks4Request> n) {
      return new HandshakeStep.NeedMore(n.atLeast());
    }
    if (d instanceof Decoded.Malformed<Socks4Request> bad) {
      return fail(malformedKind(bad.error()), bad.error().describe(), ReplyCodes.socks4Rejected());
    }
    RequestValidator.Result r = validator.socks4(((Decoded.Message<Socks4Request>) d).value());
    if (r.error() != null) {
      return fail(r.error(), "request refused", ReplyCodes.socks4Rejected());
    }
    return done(r, in);
  }

  private HandshakeStep done(RequestValidator.Result r, ByteBuffer in) {
    phase = Phase.FINISHED;
    return new HandshakeStep.Done(r.request(), in.remaining());
  }

  private static Kind malformedKind(CodecError e) {
    return switch (e.reason()) {
      case BAD_VERSION -> Kind.BAD_VERSION;
      case UNSUPPORTED_COMMAND -> Kind.UNKNOWN_COMMAND;
      case TOO_LONG -> Kind.TOO_LONG;
      case BAD_LENGTH, BAD_VALUE -> e.field().equals("NMETHODS") ? Kind.SYNTAX
          : Kind.INVALID_DESTINATION;
      case BAD_RESERVED, UNSUPPORTED_ADDRESS_TYPE -> Kind.SYNTAX;
    };
  }

  private HandshakeStep failParser(Kind kind, String detail) {
    return fail(kind, detail, ReplyCodes.parserError(ReplyCodes.socks5(kind)));
  }

  private HandshakeStep failGeneric(Kind kind, String detail) {
    return fail(kind, detail, ReplyCodes.generic(ReplyCodes.socks5(kind), client));
  }

  private HandshakeStep fail(Kind kind, String detail, ByteBuffer reply) {
    phase = Phase.FINISHED;
    return new HandshakeStep.Failed(new HandshakeError(kind, detail), reply);
  }

  private static HandshakeStep send(byte[] bytes) {
    return new HandshakeStep.Send(ReplyCodes.wrap(bytes));
  }

  private static ByteBuffer empty() {
    return ByteBuffer.allocate(0).asReadOnlyBuffer();
  }

  private static boolean startsWith(byte[] value, byte[] prefix) {
    return value.length >= prefix.length
        && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
  }
}
