package dev.socksgate.core.model;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which streams may share an exit (Tor reference §13 (docs/tor-reference.md)): two streams may
 * share exactly when their keys are equal. Each component is present only when the listener
 * isolates on it; the session group and the identity epoch are always part of the key.
 *
 * <p>A value: equality and hash are over all components. {@link #toString()} shows which components
 * are set, never their values (credentials and addresses are private). {@link #canonicalBytes()}
 * gives a stable serialization, for adapters that derive something from a key (upstream
 * credentials, an egress address) without seeing the secrets in clear.
 */
public final class IsolationKey {

  // Each Optional component is empty when the listener does not isolate on it (or, for the
  // credentials, when the client sent none).
  private final Optional<InetAddress> clientAddr;
  private final Optional<byte[]> username;
  private final Optional<byte[]> password;
  private final boolean authIsolated;
  private final int protocol;
  private final int destPort;
  private final Optional<String> destAddr;
  private final int sessionGroup;
  private final long epoch;
  private final byte[] canonical;

  IsolationKey(Builder b) {
    this.clientAddr = b.clientAddr;
    this.authIsolated = b.authIsolated;
    this.username = b.username;
    this.password = b.password;
    this.protocol = b.protocol;
    this.destPort = b.destPort;
    this.destAddr = b.destAddr;
    this.sessionGroup = b.sessionGroup;
    this.epoch = b.epoch;
    this.canonical = serialize();
  }

  /** Returns a builder with no optional component set. */
  public static Builder builder(int sessionGroup, long epoch) {
    return new Builder(sessionGroup, epoch);
  }

  /** Returns the session group. */
  public int sessionGroup() {
    return sessionGroup;
  }

  /** Returns the identity epoch the key was made in. */
  public long epoch() {
    return epoch;
  }

  /**
   * Returns a stable, unambiguous serialization of every component (length-prefixed fields). It
   * contains the credentials in clear: hash it before it leaves the process.
   */
  public byte[] canonicalBytes() {
    return canonical.clone();
  }

  private byte[] serialize() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    field(out, 'c', clientAddr.map(InetAddress::getAddress));
    out.write(authIsolated ? 1 : 0);
    field(out, 'u', username);
    field(out, 'p', password);
    field(out, 'v', protocol < 0 ? Optional.empty() : Optional.of(new byte[] {(byte) protocol}));
    field(
        out,
        'd',
        destPort < 0
            ? Optional.empty()
            : Optional.of(new byte[] {(byte) (destPort >> 8), (byte) destPort}));
    field(out, 'a', destAddr.map(a -> a.getBytes(StandardCharsets.UTF_8)));
    field(out, 'g', Optional.of(intBytes(sessionGroup)));
    field(out, 'e', Optional.of(longBytes(epoch)));
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, char tag, Optional<byte[]> component) {
    out.write(tag);
    if (component.isEmpty()) {
      out.write(0);
      return;
    }
    byte[] value = component.get();
    out.write(1);
    out.write(value.length >> 8);
    out.write(value.length);
    out.write(value, 0, value.length);
  }

  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >> (56 - 8 * i));
    }
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IsolationKey other && Arrays.equals(canonical, other.canonical);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(canonical);
  }

  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder("IsolationKey[group=")
            .append(sessionGroup)
            .append(", epoch=")
            .append(epoch);
    if (clientAddr.isPresent()) {
      s.append(", clientAddr");
    }
    if (authIsolated) {
      s.append(", socksAuth");
    }
    if (protocol >= 0) {
      s.append(", protocol");
    }
    if (destPort >= 0) {
      s.append(", destPort");
    }
    if (destAddr.isPresent()) {
      s.append(", destAddr");
    }
    return s.append(']').toString();
  }

  /** Builds a key component by component. Not thread-safe; build once per stream. */
  public static final class Builder {
    private final int sessionGroup;
    private final long epoch;
    private Optional<InetAddress> clientAddr = Optional.empty();
    private boolean authIsolated;
    private Optional<byte[]> username = Optional.empty();
    private Optional<byte[]> password = Optional.empty();
    private int protocol = -1;
    private int destPort = -1;
    private Optional<String> destAddr = Optional.empty();

    Builder(int sessionGroup, long epoch) {
      this.sessionGroup = sessionGroup;
      this.epoch = epoch;
    }

    /** Isolates on the client's IP address (not its port). */
    public Builder clientAddr(InetAddress address) {
      this.clientAddr = Optional.of(address);
      return this;
    }

    /** Isolates on SOCKS credentials as Tor compares them: absent and present differ. */
    public Builder socksAuth(Credentials credentials) {
      this.authIsolated = true;
      this.username = credentials.isolationUsername();
      this.password = credentials.isolationPassword();
      return this;
    }

    /** Isolates on the SOCKS version (4 or 5). */
    public Builder protocol(SocksProtocol p) {
      this.protocol = p.version();
      return this;
    }

    /** Isolates on the destination port. */
    public Builder destPort(int port) {
      this.destPort = port;
      return this;
    }

    /** Isolates on the destination as requested, compared case-insensitively. */
    public Builder destAddr(String dest) {
      this.destAddr = Optional.of(dest.toLowerCase(java.util.Locale.ROOT));
      return this;
    }

    /** Returns the key. */
    public IsolationKey build() {
      return new IsolationKey(this);
    }
  }
}
