package dev.socksgate.core.model;

import java.util.Objects;

/**
 * A complete, validated request, as the handshake engine hands it to the use case.
 *
 * @param command what to do
 * @param target the destination; for RESOLVE a name (or an address, answered at once), for
 *     RESOLVE_PTR an address
 * @param credentials what the client presented: a SOCKS4 user id only with SOCKS4/4a, a
 *     username/password only with SOCKS5, the isolation headers always and only with HTTP
 * @param protocol the protocol the request arrived in
 * @param client who asked, through which listener
 * @param safe false when the client gave only an IP address for CONNECT or RESOLVE (Tor's "unsafe
 *     SOCKS" case, Tor reference §14 (docs/tor-reference.md): the client may have leaked the name
 *     to DNS itself)
 */
public record StreamRequest(
    StreamCommand command,
    Target target,
    Credentials credentials,
    SocksProtocol protocol,
    ClientInfo client,
    boolean safe) {

  /** Validates the fields. */
  public StreamRequest {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(client, "client");
    if (command == StreamCommand.RESOLVE_PTR && !(target.host() instanceof Host.Address)) {
      throw new IllegalArgumentException("RESOLVE_PTR needs an address");
    }
    if (command == StreamCommand.RESOLVE_PTR && protocol != SocksProtocol.SOCKS5) {
      throw new IllegalArgumentException("RESOLVE_PTR is SOCKS5 only");
    }
    if (credentials instanceof Credentials.Socks4UserId && protocol == SocksProtocol.SOCKS5) {
      throw new IllegalArgumentException("a SOCKS4 user id on a SOCKS5 request");
    }
    if (credentials instanceof Credentials.UsernamePassword && protocol != SocksProtocol.SOCKS5) {
      throw new IllegalArgumentException("RFC 1929 credentials on a SOCKS4 request");
    }
    if (credentials instanceof Credentials.Socks4UserId && protocol == SocksProtocol.HTTP) {
      throw new IllegalArgumentException("a SOCKS4 user id on an HTTP request");
    }
    if ((credentials instanceof Credentials.HttpIsolation) != (protocol == SocksProtocol.HTTP)) {
      throw new IllegalArgumentException("HTTP isolation headers belong to HTTP requests only");
    }
    if (protocol == SocksProtocol.HTTP && command != StreamCommand.CONNECT) {
      throw new IllegalArgumentException("HTTP carries CONNECT only");
    }
  }

  /** Redacted: names the command and protocol only; targets and credentials are private. */
  @Override
  public String toString() {
    return "StreamRequest[" + command + " via " + protocol + "]";
  }
}
