package dev.socksgate.app.metrics;

import dev.socksgate.app.auth.AuthEvents;
import dev.socksgate.core.handshake.HandshakeError;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.transport.nio.TransportStats;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The label values of the series, each from a fixed mapping of a closed set: the metrics and the
 * access log use the same names. Exhaustive switches, so that a new constant in the core fails the
 * build here until it has a name.
 */
public final class LabelValues {

  private LabelValues() {}

  /**
   * {@code socks4}, {@code socks4a}, {@code socks5}; {@code unknown} before the first byte told.
   */
  public static String protocol(Optional<SocksProtocol> p) {
    return p.map(LabelValues::protocol).orElse("unknown");
  }

  /** {@code socks4}, {@code socks4a}, {@code socks5}, {@code http} (HTTP CONNECT). */
  public static String protocol(SocksProtocol p) {
    return switch (p) {
      case SOCKS4 -> "socks4";
      case SOCKS4A -> "socks4a";
      case SOCKS5 -> "socks5";
      case HTTP -> "http";
    };
  }

  /** {@code connect}, {@code resolve}, {@code resolve_ptr}. */
  public static String command(StreamCommand c) {
    return switch (c) {
      case CONNECT -> "connect";
      case RESOLVE -> "resolve";
      case RESOLVE_PTR -> "resolve_ptr";
    };
  }

  /** {@code ok}, {@code timed_out}, {@code closed}, or the failure kind in snake case. */
  public static String handshakeOutcome(TransportStats.Handshakes h) {
    return switch (h.end()) {
      case OK -> "ok";
      case TIMED_OUT -> "timed_out";
      case CLOSED -> "closed";
      case FAILED -> h.failure().map(LabelValues::snake).orElse("failed");
    };
  }

  private static String snake(HandshakeError.Kind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }

  /** The refusal reason: {@code cap}, {@code policy}, {@code per_address}, {@code shed}, … */
  public static String reason(TransportStats.Refusal r) {
    return switch (r) {
      case CAP -> "cap";
      case POLICY -> "policy";
      case PER_ADDRESS -> "per_address";
      case SHED -> "shed";
      case PER_USER -> "per_user";
      case PROXY_UNTRUSTED -> "proxy_untrusted";
    };
  }

  /**
   * The stream outcome: {@code succeeded}, or the name of the SOCKS5 reply the failure maps to with
   * ExtendedErrors (RFC 1928 §6, Tor proposal 304), in snake case. A fixed mapping, whatever the
   * listener's flags sent on the wire: an onion failure is named by its F0–F7 code even where the
   * client got the generic 01.
   */
  public static String streamOutcome(Optional<StreamFailure> failure) {
    return failure.map(LabelValues::streamOutcome).orElse("succeeded");
  }

  private static String streamOutcome(StreamFailure f) {
    return switch (f) {
      case GENERAL, PRIVATE_ADDRESS, INVALID_DESTINATION -> "general_failure";
      case NOT_ALLOWED -> "not_allowed";
      case NETWORK_UNREACHABLE -> "network_unreachable";
      case HOST_UNREACHABLE, RESOLVE_FAILED -> "host_unreachable";
      case CONNECTION_REFUSED -> "connection_refused";
      case TIMED_OUT -> "ttl_expired";
      case ONION_DESCRIPTOR_NOT_FOUND -> "onion_service_descriptor_not_found";
      case ONION_DESCRIPTOR_INVALID -> "onion_service_descriptor_invalid";
      case ONION_INTRODUCTION_FAILED -> "onion_service_introduction_failed";
      case ONION_RENDEZVOUS_FAILED -> "onion_service_rendezvous_failed";
      case ONION_CLIENT_AUTH_MISSING -> "onion_service_missing_client_auth";
      case ONION_CLIENT_AUTH_BAD -> "onion_service_bad_client_auth";
      case INVALID_ONION_ADDRESS -> "onion_service_bad_address";
      case ONION_INTRODUCTION_TIMED_OUT -> "onion_service_introduction_timed_out";
    };
  }

  /** {@code accepted}, {@code refused}, {@code throttled}. */
  public static String authOutcome(AuthEvents.Outcome o) {
    return switch (o) {
      case ACCEPTED -> "accepted";
      case REFUSED -> "refused";
      case THROTTLED -> "throttled";
    };
  }

  /** A listener's label: its bound address, {@code 127.0.0.1:1080} or {@code [::1]:1080}. */
  public static String listener(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }
}
