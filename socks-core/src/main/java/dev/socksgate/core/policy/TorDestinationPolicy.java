package dev.socksgate.core.policy;

import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.DestinationPolicy;
import java.util.Optional;

/**
 * Tor's policy layer (Tor reference §7, §8), for a server whose exits are ordinary networks:
 *
 * <ul>
 *   <li>{@code .exit} names: refused (Tor: "disabled due to security risks");
 *   <li>{@code .onion} names: a malformed one is {@link StreamFailure#INVALID_ONION_ADDRESS}; a
 *       well-formed one is refused unless {@code allowOnion} (an exit that can reach onion
 *       services, such as an upstream Tor), so that onion names never reach a DNS server;
 *   <li>CONNECT to port 0: refused;
 *   <li>with {@code rejectInternalAddresses} (Tor's ClientRejectInternalAddresses): CONNECT to
 *       {@code localhost}, {@code local}, {@code *.local} or an internal IP literal is refused;
 *   <li>with {@code rejectInternalDns} (Tor's ClientDNSRejectInternalAddresses): RESOLVE_PTR of an
 *       internal address is refused;
 *   <li>SOCKS4 CONNECT to an IPv6 literal: refused (SOCKS4 cannot carry IPv6).
 * </ul>
 *
 * @param rejectInternalAddresses refuse CONNECT to internal destinations
 * @param rejectInternalDns refuse reverse lookups of internal addresses
 * @param allowOnion let well-formed {@code .onion} names through to the exit
 */
public record TorDestinationPolicy(
    boolean rejectInternalAddresses, boolean rejectInternalDns, boolean allowOnion)
    implements DestinationPolicy {

  @Override
  public Optional<StreamFailure> check(StreamRequest request) {
    Host host = request.target().host();
    if (request.command() == StreamCommand.RESOLVE_PTR) {
      Host.Address a = (Host.Address) host;
      return rejectInternalDns && InternalAddresses.isInternal(a.address())
          ? Optional.of(StreamFailure.RESOLVE_FAILED) : Optional.empty();
    }
    if (host instanceof Host.Name n) {
      Optional<StreamFailure> special = specialName(n.name());
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
    if (request.protocol() != SocksProtocol.SOCKS5 && host instanceof Host.Address a
        && a.isIpv6()) {
      return Optional.of(StreamFailure.NOT_ALLOWED);
    }
    if (rejectInternalAddresses && isInternal(host)) {
      return Optional.of(StreamFailure.PRIVATE_ADDRESS);
    }
    return Optional.empty();
  }

  private Optional<StreamFailure> specialName(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (n.endsWith(".exit") || n.equals("exit")) {
      return Optional.of(StreamFailure.INVALID_DESTINATION);
    }
    if (n.endsWith(".onion") || n.equals("onion")) {
      if (!OnionNames.isWellFormed(n)) {
        return Optional.of(StreamFailure.INVALID_ONION_ADDRESS);
      }
      return allowOnion ? Optional.empty() : Optional.of(StreamFailure.GENERAL);
    }
    return Optional.empty();
  }

  private static boolean isInternal(Host host) {
    if (host instanceof Host.Address a) {
      return InternalAddresses.isInternal(a.address());
    }
    String n = ((Host.Name) host).name();
    n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    return n.equals("localhost") || n.equals("local") || n.endsWith(".local")
        || n.endsWith(".localhost");
  }
}
