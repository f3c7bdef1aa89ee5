package dev.socksgate.codec.v4;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.DomainName;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.WireLimits;
import dev.socksgate.codec.internal.WireReader;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A SOCKS4 or SOCKS4a request: {@code VN=04 CD DSTPORT DSTIP USERID 00}, and for SOCKS4a (DSTIP
 * 0.0.0.x, x ≠ 0) a hostname and a second {@code 00}.
 *
 * <p>Limits (Tor reference §3 (docs/tor-reference.md)): the whole request, NULs included, is at
 * most {@value WireLimits#MAX_SOCKS4_REQUEST} bytes; a request still incomplete once that many
 * bytes are buffered is malformed. The 4a hostname is 1 to 255 bytes. The decoder accepts Tor's
 * command set (01, 02, F0, F1) and reports any other CD byte as soon as it arrives. Port and
 * address values are not judged here (Tor refuses port 0 and address 0.0.0.0; that is the server's
 * policy).
 *
 * @param command the CD byte
 * @param dstPort DSTPORT, 0 to 65535
 * @param dstIp DSTIP as sent; 0.0.0.x (x ≠ 0) exactly when {@code hostname} is present
 * @param userId USERID bytes without the NUL (copied; may be empty)
 * @param hostname the SOCKS4a hostname, or empty for plain SOCKS4
 */
public record Socks4Request(
    Socks4Command command,
    int dstPort,
    Inet4Address dstIp,
    byte[] userId,
    Optional<DomainName> hostname) {

  /** The fixed part before USERID: VN, CD, DSTPORT, DSTIP. */
  public static final int HEADER_LENGTH = 8;

  private static final Inet4Address SOCKS4A_MARKER =
      SocksAddress.ipv4(new byte[] {0, 0, 0, 1}).address();

  /** Validates the fields and copies the user id. */
  public Socks4Request {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(dstIp, "dstIp");
    Objects.requireNonNull(hostname, "hostname");
    userId = userId.clone();
    if (dstPort < 0 || dstPort > 0xFFFF) {
      throw new IllegalArgumentException("dstPort out of range: " + dstPort);
    }
    for (byte b : userId) {
      if (b == 0) {
        throw new IllegalArgumentException("NUL byte in USERID");
      }
    }
    if (isSocks4aAddress(dstIp.getAddress()) != hostname.isPresent()) {
      throw new IllegalArgumentException("a hostname goes with DSTIP 0.0.0.x (x != 0), and only");
    }
    int length = HEADER_LENGTH + userId.length + 1 + hostname.map(h -> h.length() + 1).orElse(0);
    if (length > WireLimits.MAX_SOCKS4_REQUEST) {
      throw new IllegalArgumentException("request longer than 512 bytes: " + length);
    }
  }

  /** Returns a plain SOCKS4 request for an IPv4 destination. */
  public static Socks4Request of(
      Socks4Command command, Inet4Address dstIp, int dstPort, byte[] userId) {
    return new Socks4Request(command, dstPort, dstIp, userId, Optional.empty());
  }

  /** Returns a SOCKS4a request for a hostname (DSTIP 0.0.0.1). */
  public static Socks4Request socks4a(
      Socks4Command command, DomainName hostname, int dstPort, byte[] userId) {
    return new Socks4Request(command, dstPort, SOCKS4A_MARKER, userId, Optional.of(hostname));
  }

  /** Returns true if DSTIP is 0.0.0.x with x ≠ 0, the SOCKS4a marker. */
  static boolean isSocks4aAddress(byte[] ip) {
    return ip[0] == 0 && ip[1] == 0 && ip[2] == 0 && ip[3] != 0;
  }

  /** Returns true for a SOCKS4a request (one that carries a hostname). */
  public boolean isSocks4a() {
    return hostname.isPresent();
  }

  /** Returns the destination: the hostname for SOCKS4a, else DSTIP. */
  public SocksAddress dstAddr() {
    return hostname
        .<SocksAddress>map(SocksAddress.Domain::new)
        .orElseGet(() -> new SocksAddress.Ipv4(dstIp));
  }

  /** Returns a copy of the user id. */
  @Override
  public byte[] userId() {
    return userId.clone();
  }

  /** Returns the encoded length in bytes. */
  public int encodedLength() {
    return HEADER_LENGTH + userId.length + 1 + hostname.map(h -> h.length() + 1).orElse(0);
  }

  /**
   * Decodes a request (server direction).
   *
   * @param in bytes from the client; advanced by the request's length on success only
   */
  public static Decoded<Socks4Request> decode(ByteBuffer in) {
    WireReader r = new WireReader(in);
    if (!r.has(1)) {
      return r.needUntil(HEADER_LENGTH + 1);
    }
    int vn = r.u8();
    if (vn != 0x04) {
      return WireReader.malformed(Reason.BAD_VERSION, "VN", vn);
    }
    if (!r.has(1)) {
      return r.needUntil(HEADER_LENGTH + 1);
    }
    Socks4Command cd = Socks4Command.of((byte) r.u8());
    if (!cd.isKnown()) {
      return WireReader.malformed(Reason.UNSUPPORTED_COMMAND, "CD", cd.code() & 0xFF);
    }
    if (!r.has(HEADER_LENGTH - 2)) {
      return r.needUntil(HEADER_LENGTH + 1);
    }
    int port = r.u16();
    byte[] ip = r.bytes(4);
    boolean socks4a = isSocks4aAddress(ip);
    int nul = r.indexOfNul(WireLimits.MAX_SOCKS4_REQUEST - r.offset());
    if (nul < 0) {
      return unterminated(r, "USERID", socks4a ? 3 : 1);
    }
    byte[] userId = r.bytes(nul);
    r.u8();
    Optional<DomainName> hostname = Optional.empty();
    if (socks4a) {
      int end = r.indexOfNul(WireLimits.MAX_SOCKS4_REQUEST - r.offset());
      if (end > WireLimits.MAX_DOMAIN_LENGTH
          || (end < 0 && r.available() - r.offset() > WireLimits.MAX_DOMAIN_LENGTH)) {
        return WireReader.malformed(Reason.TOO_LONG, "HOSTNAME", -1);
      }
      if (end < 0) {
        return unterminated(r, "HOSTNAME", r.available() == r.offset() ? 2 : 1);
      }
      if (end == 0) {
        return WireReader.malformed(Reason.BAD_LENGTH, "HOSTNAME", 0);
      }
      hostname = Optional.of(DomainName.of(r.bytes(end)));
      r.u8();
    }
    return r.complete(
        new Socks4Request(cd, port, SocksAddress.ipv4(ip).address(), userId, hostname));
  }

  private static Decoded<Socks4Request> unterminated(WireReader r, String field, int missing) {
    if (r.available() >= WireLimits.MAX_SOCKS4_REQUEST) {
      return WireReader.malformed(Reason.TOO_LONG, field, -1);
    }
    return r.needUntil(r.available() + missing);
  }

  /** Writes the request to {@code out}. */
  public void encode(ByteBuffer out) {
    out.put((byte) 0x04).put(command.code()).putShort((short) dstPort).put(dstIp.getAddress());
    out.put(userId).put((byte) 0);
    hostname.ifPresent(
        h -> {
          h.writeTo(out);
          out.put((byte) 0);
        });
  }

  /** Returns the encoded request as a new array. */
  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(encodedLength());
    encode(out);
    return out.array();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Socks4Request other
        && command.equals(other.command)
        && dstPort == other.dstPort
        && dstIp.equals(other.dstIp)
        && Arrays.equals(userId, other.userId)
        && hostname.equals(other.hostname);
  }

  @Override
  public int hashCode() {
    return Objects.hash(command, dstPort, dstIp, Arrays.hashCode(userId), hostname);
  }

  /** Describes the request; the user id is shown only by length (it may be a secret). */
  @Override
  public String toString() {
    return "Socks4Request["
        + command
        + " "
        + dstAddr()
        + ":"
        + dstPort
        + ", userId=<"
        + userId.length
        + " bytes>]";
  }
}
