package dev.socksgate.core.testing;

import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.HostNames;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.model.Target;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Clients, hosts and requests for tests, built without any lookup. Defaults: a SOCKS5 request with
 * no credentials, marked safe, from {@link #ipv4Client()} on a Tor-default listener (session group
 * 1).
 */
public final class Requests {

  /** The session group of the default listener. */
  public static final int GROUP = 1;

  private Requests() {}

  /** Returns an address from an IP literal (IPv6 bare or in brackets); never a lookup. */
  public static InetAddress ip(String literal) {
    return HostNames.parseLiteral(literal)
        .orElseThrow(() -> new IllegalArgumentException("not an IP literal: " + literal));
  }

  /** Returns the IPv6 address with these 16 bytes, kept IPv6 even when IPv4-mapped. */
  public static Inet6Address ipv6(byte[] octets) {
    try {
      return Inet6Address.getByAddress(null, octets, -1);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Returns a host name (must be lower-case). */
  public static Host name(String name) {
    return new Host.Name(name);
  }

  /** Returns an address host from an IP literal. */
  public static Host addr(String literal) {
    return new Host.Address(ip(literal));
  }

  /** Returns a client on 127.0.0.1:50000 through a Tor-default listener in {@link #GROUP}. */
  public static ClientInfo ipv4Client() {
    return client("127.0.0.1", ListenerSettings.torDefaults(GROUP));
  }

  /** Returns a client on [::1]:50000 through a Tor-default listener in {@link #GROUP}. */
  public static ClientInfo ipv6Client() {
    return client("::1", ListenerSettings.torDefaults(GROUP));
  }

  /** Returns a client at {@code literal}, port 50000, through {@code listener}. */
  public static ClientInfo client(String literal, ListenerSettings listener) {
    return new ClientInfo(new InetSocketAddress(ip(literal), 50000), listener);
  }

  /** Returns RFC 1929 credentials from US-ASCII strings. */
  public static Credentials.UsernamePassword userPass(String username, String password) {
    return new Credentials.UsernamePassword(
        username.getBytes(StandardCharsets.US_ASCII), password.getBytes(StandardCharsets.US_ASCII));
  }

  /** Returns a SOCKS4 user id from a US-ASCII string. */
  public static Credentials.Socks4UserId userId(String userId) {
    return new Credentials.Socks4UserId(userId.getBytes(StandardCharsets.US_ASCII));
  }

  /** Starts a CONNECT request. */
  public static Builder connect(Host host, int port) {
    return new Builder(StreamCommand.CONNECT, host, port);
  }

  /** Starts a RESOLVE request (port 0). */
  public static Builder resolve(Host host) {
    return new Builder(StreamCommand.RESOLVE, host, 0);
  }

  /** Starts a RESOLVE_PTR request (port 0). */
  public static Builder resolvePtr(String literal) {
    return new Builder(StreamCommand.RESOLVE_PTR, addr(literal), 0);
  }

  /** A mutable request builder; {@link #build()} validates. */
  public static final class Builder {
    private final StreamCommand command;
    private Host host;
    private int port;
    private Credentials credentials = Credentials.NONE;
    private SocksProtocol protocol = SocksProtocol.SOCKS5;
    private ClientInfo client = ipv4Client();
    private boolean safe = true;

    Builder(StreamCommand command, Host host, int port) {
      this.command = command;
      this.host = host;
      this.port = port;
    }

    /** Sets the port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Sets the host. */
    public Builder host(Host host) {
      this.host = host;
      return this;
    }

    /** Sets the credentials. */
    public Builder credentials(Credentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /** Sets the protocol. */
    public Builder protocol(SocksProtocol protocol) {
      this.protocol = protocol;
      return this;
    }

    /** Sets the client. */
    public Builder client(ClientInfo client) {
      this.client = client;
      return this;
    }

    /** Sets the listener, keeping the client's address. */
    public Builder listener(ListenerSettings listener) {
      this.client = new ClientInfo(client.remote(), listener);
      return this;
    }

    /** Sets the "safe" flag (false: the client gave only an IP address). */
    public Builder safe(boolean safe) {
      this.safe = safe;
      return this;
    }

    /** Returns the request. */
    public StreamRequest build() {
      return new StreamRequest(
          command, new Target(host, port), credentials, protocol, client, safe);
    }
  }
}
