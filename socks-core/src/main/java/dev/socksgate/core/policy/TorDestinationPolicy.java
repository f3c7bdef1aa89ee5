package dev.socksgate.core.policy;

import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.DestinationPolicy;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Tor's policy layer (Tor reference §7 (docs/tor-reference.md), §8, connection_edge.c {@code
 * connection_ap_handshake_rewrite_and_attach}), for a server whose exits are ordinary networks:
 *
 * <ul>
 *   <li>{@code .exit} names: refused (Tor: "disabled due to security risks");
 *   <li>{@code .onion} names: one that is not a valid v3 address is {@link
 *       StreamFailure#INVALID_ONION_ADDRESS}; RESOLVE of any onion name is refused (Tor: "Resolve
 *       requests to hidden services not allowed"); CONNECT to a valid one is refused as {@link
 *       StreamFailure#NOT_ALLOWED} (Tor's ENTRYPOLICY for a port without onion traffic) unless
 *       {@code allowOnion} (an exit that reaches onion services, such as an upstream Tor), so that
 *       onion names never reach a DNS server;
 *   <li>CONNECT to port 0: refused;
 *   <li>with {@code rejectInternalAddresses} (Tor's ClientRejectInternalAddresses): CONNECT to
 *       {@code localhost}, {@code local}, {@code *.local}, {@code *.localhost} or an internal IP
 *       literal is refused;
 *   <li>SOCKS4 CONNECT to an IPv6 literal: refused (SOCKS4 cannot carry IPv6);
 *   <li>with {@code rejectInternalDns} (Tor's ClientDNSRejectInternalAddresses): RESOLVE_PTR of an
 *       internal address is refused, and internal addresses in RESOLVE answers are dropped.
 * </ul>
 *
 * <p>Deliberately stricter than Tor: a name with one trailing dot ({@code x.onion.}, {@code
 * x.exit.}) is judged like the name without it; Tor treats it as an ordinary name and sends it to
 * an exit. Stateless and thread-safe.
 *
 * @param rejectInternalAddresses refuse CONNECT to internal destinations
 * @param rejectInternalDns refuse reverse lookups of internal addresses and drop internal answers
 * @param allowOnion let CONNECT to valid {@code .onion} names through to the exit
 */
public record TorDestinationPolicy(
    boolean rejectInternalAddresses, boolean rejectInternalDns, boolean allowOnion)
    implements DestinationPolicy {

  /** Tor's defaults: both internal-address rules on, no onion services. */
  public static final TorDestinationPolicy TOR_DEFAULTS =
      new TorDestinationPolicy(true, true, false);

  @Override
  public Optional<StreamFailure> check(StreamRequest request) {
    Host host = request.target().host();
    if (request.command() == StreamCommand.RESOLVE_PTR) {
      Host.Address a = (Host.Address) host;
      return refuseIf(
          rejectInternalDns && InternalAddresses.isInternal(a.address()),
          StreamFailure.RESOLVE_FAILED);
    }
    if (host instanceof Host.Name n) {
      Optional<StreamFailure> special =
          specialName(withoutTrailingDot(n.name()), request.command());
      if (special.isPresent()) {
        return special;
      }
    }
    if (request.command() != StreamCommand.CONNECT) {
      return Optional.empty();
    }
    if (request.target().port() == 0) {
      return Optional.of(StreamFailure.INVALID_DESTINATION);
    }
    if (rejectInternalAddresses && isInternal(host)) {
      return Optional.of(StreamFailure.PRIVATE_ADDRESS);
    }
    return refuseIf(
        request.protocol().version() == 4 && host instanceof Host.Address a && a.isIpv6(),
        StreamFailure.NOT_ALLOWED);
  }

  @Override
  public Optional<StreamFailure> checkAnswer(StreamRequest request, InetAddress answer) {
    return refuseIf(
        rejectInternalDns && InternalAddresses.isInternal(answer), StreamFailure.RESOLVE_FAILED);
  }

  private Optional<StreamFailure> specialName(String name, StreamCommand command) {
    if (name.endsWith(".exit")) {
      return Optional.of(StreamFailure.INVALID_DESTINATION);
    }
    if (!OnionNames.isOnion(name)) {
      return Optional.empty();
    }
    if (!OnionNames.isValidV3(name)) {
      return Optional.of(StreamFailure.INVALID_ONION_ADDRESS);
    }
    if (command != StreamCommand.CONNECT) {
      return Optional.of(StreamFailure.RESOLVE_FAILED);
    }
    return refuseIf(!allowOnion, StreamFailure.NOT_ALLOWED);
  }

  private static boolean isInternal(Host host) {
    if (host instanceof Host.Address a) {
      return InternalAddresses.isInternal(a.address());
    }
    String n = withoutTrailingDot(((Host.Name) host).name());
    return n.equals("localhost")
        || n.equals("local")
        || n.endsWith(".local")
        || n.endsWith(".localhost");
  }

  private static String withoutTrailingDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private static Optional<StreamFailure> refuseIf(boolean refuse, StreamFailure failure) {
    return refuse ? Optional.of(failure) : Optional.empty();
  }
}
