package dev.socksgate.core.handshake;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v4.Socks4Command;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Request;
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
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a decoded wire request into a {@link StreamRequest}, applying Tor's checks after parsing
 * (Tor reference §3 (docs/tor-reference.md) "Validation", §6.2, §6.3, §14), in Tor's order.
 */
final class RequestValidator {

  /** A validated request, or why it is refused. */
  sealed interface Result permits Valid, Invalid {}

  /**
   * The request passed every check.
   *
   * @param request the request
   */
  record Valid(StreamRequest request) implements Result {}

  /**
   * The request is refused.
   *
   * @param error why
   */
  record Invalid(Kind error) implements Result {}

  private final ClientInfo client;
  private final HandshakeOptions options;

  RequestValidator(ClientInfo client, HandshakeOptions options) {
    this.client = client;
    this.options = options;
  }

  Result socks5(Socks5Request r, Credentials credentials) {
    Socks5Command cmd = r.command();
    if (cmd.equals(Socks5Command.BIND) || cmd.equals(Socks5Command.UDP_ASSOCIATE)) {
      return error(Kind.COMMAND_NOT_SUPPORTED);
    }
    StreamCommand command =
        cmd.equals(Socks5Command.CONNECT)
            ? StreamCommand.CONNECT
            : cmd.equals(Socks5Command.RESOLVE) ? StreamCommand.RESOLVE : StreamCommand.RESOLVE_PTR;
    Host host;
    boolean safe;
    if (r.dstAddr() instanceof SocksAddress.Domain d) {
      String name = d.name().asString().toLowerCase(Locale.ROOT);
      Optional<InetAddress> literal = HostNames.parseLiteral(name);
      if (command == StreamCommand.RESOLVE_PTR && literal.isEmpty()) {
        return error(Kind.ADDRESS_TYPE_NOT_SUPPORTED);
      }
      if (!HostNames.isValidDestination(name)) {
        return error(Kind.INVALID_DESTINATION);
      }
      host = literal.<Host>map(Host.Address::new).orElseGet(() -> new Host.Name(name));
      safe = true;
    } else {
      host = new Host.Address(address(r.dstAddr()));
      safe = command == StreamCommand.RESOLVE_PTR;
    }
    if (!safe && options.safeSocks()) {
      return error(Kind.UNSAFE_REQUEST);
    }
    return ok(
        new StreamRequest(
            command,
            new Target(host, r.dstPort()),
            credentials,
            SocksProtocol.SOCKS5,
            client,
            safe));
  }

  Result socks4(Socks4Request r) {
    boolean socks4a = r.isSocks4a();
    byte[] ip = r.dstIp().getAddress();
    boolean zeroIp = ip[0] == 0 && ip[1] == 0 && ip[2] == 0 && ip[3] == 0;
    if (zeroIp || (r.dstPort() == 0 && !r.command().equals(Socks4Command.RESOLVE))) {
      return error(Kind.INVALID_DESTINATION);
    }
    if (!socks4a && options.safeSocks()) {
      return error(Kind.UNSAFE_REQUEST);
    }
    StreamCommand command;
    if (r.command().equals(Socks4Command.CONNECT)) {
      command = StreamCommand.CONNECT;
    } else if (r.command().equals(Socks4Command.RESOLVE)) {
      command = StreamCommand.RESOLVE;
    } else {
      return error(Kind.COMMAND_NOT_SUPPORTED);
    }
    Host host;
    if (socks4a) {
      String name = r.hostname().orElseThrow().asString().toLowerCase(Locale.ROOT);
      if (!HostNames.isValidDestination(name)) {
        return error(Kind.INVALID_DESTINATION);
      }
      host =
          HostNames.parseLiteral(name)
              .<Host>map(Host.Address::new)
              .orElseGet(() -> new Host.Name(name));
    } else {
      host = new Host.Address(r.dstIp());
    }
    byte[] userId = r.userId();
    Credentials credentials =
        userId.length == 0 ? Credentials.NONE : new Credentials.Socks4UserId(userId);
    return ok(
        new StreamRequest(
            command,
            new Target(host, r.dstPort()),
            credentials,
            socks4a ? SocksProtocol.SOCKS4A : SocksProtocol.SOCKS4,
            client,
            socks4a));
  }

  private static InetAddress address(SocksAddress a) {
    if (a instanceof SocksAddress.Ipv4 v4) {
      return v4.address();
    }
    return ((SocksAddress.Ipv6) a).address();
  }

  private static Result ok(StreamRequest request) {
    return new Valid(request);
  }

  private static Result error(Kind kind) {
    return new Invalid(kind);
  }
}
