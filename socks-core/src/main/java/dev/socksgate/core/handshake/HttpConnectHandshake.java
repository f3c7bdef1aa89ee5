package dev.socksgate.core.handshake;

import dev.socksgate.codec.CodecError;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.http.ConnectTarget;
import dev.socksgate.codec.http.HttpHeadDecoder;
import dev.socksgate.codec.http.HttpRequestHead;
import dev.socksgate.core.handshake.HandshakeError.Kind;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.HostNames;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.model.Target;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP CONNECT half of {@link ServerHandshake} (torspec {@code http-connect}; C Tor's {@code
 * connection_ap_process_http_connect}): one request head after another until a CONNECT, which
 * becomes the same {@link StreamRequest} a SOCKS CONNECT does.
 *
 * <ul>
 *   <li>A head the codec refuses: 400, 414 or 431 ({@link HttpAnswers#malformed}), then close.
 *   <li>A method other than CONNECT whose {@code Host} is not {@code localhost}, {@code 127.0.0.1}
 *       or {@code ::1}: close without a reply (the DNS-rebinding rule). Otherwise OPTIONS gets 200
 *       with {@code Allow} and the next head is read; any other method the 405 page and a close.
 *   <li>CONNECT: the target is checked as SOCKS targets are (Tor's host name rules, port 0,
 *       SafeSocks); the isolation inputs are the first {@code Proxy-Authorization}, {@code
 *       Tor-Stream-Isolation} and {@code X-Tor-Stream-Isolation}. When authentication is required,
 *       the Basic credentials go to the authenticator through {@link HandshakeStep.Verify}, as RFC
 *       1929 ones do; missing or refused credentials get 407.
 * </ul>
 *
 * <p>Bytes after the CONNECT head are the stream's early data. Not thread-safe.
 */
final class HttpConnectHandshake {

  private static final ByteBuffer NO_REPLY = ByteBuffer.allocate(0).asReadOnlyBuffer();
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

  private final ClientInfo client;
  private final HandshakeOptions options;
  private HttpHeadDecoder decoder = new HttpHeadDecoder();
  private Optional<StreamRequest> awaitingVerdict = Optional.empty();
  private int earlyData; // bytes after the head when the verdict was asked for

  HttpConnectHandshake(ClientInfo client, HandshakeOptions options) {
    this.client = client;
    this.options = options;
  }

  /** The next instruction for the bytes in {@code in}; see {@link ServerHandshake#step}. */
  HandshakeStep step(ByteBuffer in) {
    Decoded<HttpRequestHead> d = decoder.decode(in);
    if (d instanceof Decoded.NeedMore<HttpRequestHead> n) {
      return new HandshakeStep.NeedMore(n.atLeast());
    }
    if (d instanceof Decoded.Malformed<HttpRequestHead> bad) {
      CodecError e = bad.error();
      Kind kind = e.reason() == CodecError.Reason.TOO_LONG ? Kind.TOO_LONG : Kind.SYNTAX;
      return failed(kind, "HTTP " + e.describe(), HttpAnswers.malformed(e));
    }
    decoder = new HttpHeadDecoder(); // OPTIONS may be followed by another head
    HttpRequestHead head = ((Decoded.Message<HttpRequestHead>) d).value();
    if (!head.method().equals(HttpRequestHead.CONNECT)) {
      return otherMethod(head);
    }
    return connect(head, in);
  }

  /** The authenticator's verdict on the credentials of the pending CONNECT. */
  HandshakeStep verdict(boolean accepted) {
    StreamRequest request =
        awaitingVerdict.orElseThrow(() -> new IllegalStateException("no verdict awaited"));
    awaitingVerdict = Optional.empty();
    if (!accepted) {
      return failed(Kind.AUTH_FAILED, "credentials refused", HttpAnswers.authenticationRequired());
    }
    return new HandshakeStep.Done(request, earlyData);
  }

  private HandshakeStep otherMethod(HttpRequestHead head) {
    if (!isLocalHost(head.firstValue("Host"))) {
      // DNS rebinding defence: a page on another site made the browser talk to us. No reply.
      return failed(Kind.UNKNOWN_PROTOCOL, "non-CONNECT request for a non-local Host", NO_REPLY);
    }
    if (head.method().equals(HttpRequestHead.OPTIONS)) {
      return new HandshakeStep.Send(HttpAnswers.options());
    }
    return failed(Kind.HTTP_REQUEST, "HTTP request other than CONNECT", HttpAnswers.notAProxy());
  }

  private HandshakeStep connect(HttpRequestHead head, ByteBuffer in) {
    ConnectTarget.Parsed parsed = ConnectTarget.parse(head.target());
    if (parsed instanceof ConnectTarget.Invalid bad) {
      CodecError e = bad.error();
      Kind kind = e.reason() == CodecError.Reason.TOO_LONG ? Kind.TOO_LONG : Kind.SYNTAX;
      return failed(kind, "CONNECT " + e.describe(), HttpAnswers.malformed(e));
    }
    ConnectTarget t = ((ConnectTarget.Valid) parsed).target();
    Optional<Host> host = host(t);
    if (host.isEmpty() || t.port() == 0) {
      return failed(
          Kind.INVALID_DESTINATION, "invalid CONNECT target", HttpAnswers.invalidDestination());
    }
    boolean safe = host.get() instanceof Host.Name;
    if (!safe && options.safeSocks()) {
      return failed(Kind.UNSAFE_REQUEST, "IP address target", HttpAnswers.unsafeRequest());
    }
    Optional<String> authorization = head.firstValue("Proxy-Authorization");
    Credentials.HttpIsolation isolation =
        new Credentials.HttpIsolation(
            authorization,
            head.firstValue("Tor-Stream-Isolation"),
            head.firstValue("X-Tor-Stream-Isolation"));
    StreamRequest request =
        new StreamRequest(
            StreamCommand.CONNECT,
            new Target(host.get(), t.port()),
            isolation,
            SocksProtocol.HTTP,
            client,
            safe);
    if (!options.requireAuthentication()) {
      return new HandshakeStep.Done(request, in.remaining());
    }
    Optional<Credentials.UsernamePassword> basic = isolation.basic();
    if (basic.isEmpty()) {
      return failed(Kind.AUTH_FAILED, "no Basic credentials", HttpAnswers.authenticationRequired());
    }
    awaitingVerdict = Optional.of(request);
    earlyData = in.remaining();
    return new HandshakeStep.Verify(basic.get());
  }

  /** Tor's destination rules, as for SOCKS: a strict literal, or a valid host name. */
  private static Optional<Host> host(ConnectTarget t) {
    String name = t.host().toLowerCase(Locale.ROOT);
    if (t.bracketed()) {
      return HostNames.parseLiteral("[" + name + "]").map(Host.Address::new);
    }
    Optional<InetAddress> literal = HostNames.parseLiteral(name);
    if (literal.isPresent()) {
      // A bare IPv6 literal cannot be written host:port; only a dotted quad gets here.
      return literal.map(Host.Address::new);
    }
    return HostNames.isValidHostname(name) ? Optional.of(new Host.Name(name)) : Optional.empty();
  }

  /** True for {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, with or without a port. */
  static boolean isLocalHost(Optional<String> hostField) {
    if (hostField.isEmpty()) {
      return false;
    }
    String h = hostField.get().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      if (close < 0 || !(close == h.length() - 1 || h.charAt(close + 1) == ':')) {
        return false;
      }
      h = h.substring(1, close);
    } else if (h.indexOf(':') >= 0 && h.indexOf(':') == h.lastIndexOf(':')) {
      h = h.substring(0, h.indexOf(':'));
    }
    return LOCAL_HOSTS.contains(h);
  }

  private static HandshakeStep failed(Kind kind, String detail, ByteBuffer reply) {
    return new HandshakeStep.Failed(new HandshakeError(kind, detail), reply);
  }
}
