package dev.socksgate.core.handshake;

import dev.socksgate.codec.CodecError;
import dev.socksgate.codec.http.HttpField;
import dev.socksgate.codec.http.HttpResponse;
import dev.socksgate.core.model.StreamFailure;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The single mapping from failures to HTTP CONNECT answers (torspec {@code http-connect},
 * "Answers"; docs/protocol.md#http-connect). Stream failures follow C Tor's table of END reasons
 * (MISC 500, RESOLVEFAILED/NOROUTE/EXITPOLICY 503, CONNECTREFUSED 403, TIMEOUT 504, TORPROTOCOL
 * 502, anything else 500), with a reason phrase that names the failure. Every answer is {@code
 * HTTP/1.0}; none carries a {@code Via} or {@code Server} field, so {@code tor/1.0} never appears.
 */
public final class HttpAnswers {

  /** The realm of {@code Proxy-Authenticate}. */
  public static final String REALM = "socksgate";

  private static final List<HttpField> ALLOW = List.of(HttpField.of("Allow", "CONNECT, OPTIONS"));

  private static final String NOT_A_PROXY_PAGE =
      "<!DOCTYPE html>\n"
          + "<html><head><title>This is an HTTP CONNECT tunnel, not an HTTP proxy</title></head>\n"
          + "<body>\n"
          + "<h1>This is an HTTP CONNECT tunnel, not an HTTP proxy</h1>\n"
          + "<p>This port opens tunnels with the CONNECT method only; it does not fetch pages"
          + " for GET and other methods.</p>\n"
          + "<p>Configure your program to use this address as an HTTPS proxy, or as a SOCKS"
          + " proxy if the port also speaks SOCKS.</p>\n"
          + "</body></html>\n";

  private HttpAnswers() {}

  /** {@code 200 OK}: the tunnel is open; relaying starts after it. */
  public static ByteBuffer tunnelEstablished() {
    return HttpResponse.tunnelEstablished().toBuffer();
  }

  /** The answer to a CONNECT that failed after the request was accepted. */
  public static ByteBuffer failure(StreamFailure failure) {
    return closing(status(failure), reason(failure));
  }

  /** Returns the status code for a stream failure (C Tor's table). */
  public static int status(StreamFailure failure) {
    return switch (failure) {
      case GENERAL, PRIVATE_ADDRESS -> 500;
      case NOT_ALLOWED, NETWORK_UNREACHABLE, HOST_UNREACHABLE, RESOLVE_FAILED -> 503;
      case CONNECTION_REFUSED -> 403;
      case TIMED_OUT -> 504;
      case INVALID_DESTINATION -> 502;
      case INVALID_ONION_ADDRESS,
          ONION_DESCRIPTOR_NOT_FOUND,
          ONION_DESCRIPTOR_INVALID,
          ONION_INTRODUCTION_FAILED,
          ONION_RENDEZVOUS_FAILED,
          ONION_CLIENT_AUTH_MISSING,
          ONION_CLIENT_AUTH_BAD,
          ONION_INTRODUCTION_TIMED_OUT ->
          500;
    };
  }

  private static String reason(StreamFailure failure) {
    return switch (failure) {
      case GENERAL -> "Internal Server Error";
      case NOT_ALLOWED -> "Refused by policy";
      case NETWORK_UNREACHABLE -> "Network unreachable";
      case HOST_UNREACHABLE -> "Host unreachable";
      case RESOLVE_FAILED -> "Name did not resolve";
      case CONNECTION_REFUSED -> "Connection refused";
      case TIMED_OUT -> "Connection timed out";
      case PRIVATE_ADDRESS -> "Internal address refused";
      case INVALID_DESTINATION -> "Invalid destination";
      case INVALID_ONION_ADDRESS -> "Invalid onion address";
      case ONION_DESCRIPTOR_NOT_FOUND -> "Onion service descriptor not found";
      case ONION_DESCRIPTOR_INVALID -> "Onion service descriptor invalid";
      case ONION_INTRODUCTION_FAILED -> "Onion service introduction failed";
      case ONION_RENDEZVOUS_FAILED -> "Onion service rendezvous failed";
      case ONION_CLIENT_AUTH_MISSING -> "Onion service client authorization missing";
      case ONION_CLIENT_AUTH_BAD -> "Onion service client authorization wrong";
      case ONION_INTRODUCTION_TIMED_OUT -> "Onion service introduction timed out";
    };
  }

  /**
   * The answer to a head the codec refused: {@code 414} for a request line or host over the limit,
   * {@code 431} for fields over the limits, {@code 400} for everything else (C Tor's "not valid
   * HTTP").
   */
  static ByteBuffer malformed(CodecError e) {
    if (e.reason() == CodecError.Reason.TOO_LONG) {
      return switch (e.field()) {
        case "request-line", "host" -> closing(414, "Request-URI Too Long");
        default -> closing(431, "Request Header Fields Too Large");
      };
    }
    String what =
        e.reason() == CodecError.Reason.BAD_VERSION ? "unsupported HTTP version" : e.field();
    return closing(400, "Bad Request: malformed " + what);
  }

  /** {@code 400}: the CONNECT target is not one we can open (port 0, an invalid name). */
  static ByteBuffer invalidDestination() {
    return closing(400, "Bad Request: invalid destination");
  }

  /** {@code 403}: SafeSocks refuses a target given as an IP address. */
  static ByteBuffer unsafeRequest() {
    return closing(403, "Forbidden: SafeSocks refuses IP address targets");
  }

  /** {@code 407}: credentials missing or wrong, with the challenge. */
  static ByteBuffer authenticationRequired() {
    return HttpResponse.closing(
            407,
            "Proxy Authentication Required",
            List.of(HttpField.of("Proxy-Authenticate", "Basic realm=\"" + REALM + "\"")))
        .toBuffer();
  }

  /** {@code 200} to OPTIONS: what this port does; the connection stays open. */
  static ByteBuffer options() {
    return HttpResponse.keepOpen(200, "OK", ALLOW).toBuffer();
  }

  /** {@code 405} with a page: a local client sent a method other than CONNECT. */
  static ByteBuffer notAProxy() {
    return HttpResponse.closing(405, "Not an HTTP proxy, CONNECT only", ALLOW, NOT_A_PROXY_PAGE)
        .toBuffer();
  }

  private static ByteBuffer closing(int status, String reason) {
    return HttpResponse.closing(status, reason, List.of()).toBuffer();
  }
}
