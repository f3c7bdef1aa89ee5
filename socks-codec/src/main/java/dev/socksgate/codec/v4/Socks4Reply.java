package dev.socksgate.codec.v4;

import dev.socksgate.codec.CodecError;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.internal.WireReader;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A SOCKS4 reply: {@code VN CD DSTPORT DSTIP}, 8 bytes, with VN = 00. Tor sends zero port and
 * address for CONNECT, and the answer in DSTIP for RESOLVE (Tor reference §3
 * (docs/tor-reference.md)).
 *
 * @param status the CD byte
 * @param dstPort the DSTPORT field, 0 to 65535
 * @param dstIp the DSTIP field
 */
public record Socks4Reply(Socks4ReplyCode status, int dstPort, Inet4Address dstIp) {

  /** The length of every SOCKS4 reply. */
  public static final int LENGTH = 8;

  private static final Inet4Address ZERO = SocksAddress.ipv4(new byte[4]).address();

  /** Validates the fields. */
  public Socks4Reply {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(dstIp, "dstIp");
    if (dstPort < 0 || dstPort > 0xFFFF) {
      throw new IllegalArgumentException("dstPort out of range: " + dstPort);
    }
  }

  /** Returns {@code 00 5A 0000 00000000}: success with zero port and address, as Tor sends it. */
  public static Socks4Reply granted() {
    return new Socks4Reply(Socks4ReplyCode.GRANTED, 0, ZERO);
  }

  /** Returns {@code 00 5B 0000 00000000}: Tor's one SOCKS4 failure reply. */
  public static Socks4Reply rejected() {
    return new Socks4Reply(Socks4ReplyCode.REJECTED, 0, ZERO);
  }

  /** Returns a RESOLVE answer: {@code 00 5A 0000 <address>}. */
  public static Socks4Reply resolved(Inet4Address answer) {
    return new Socks4Reply(Socks4ReplyCode.GRANTED, 0, answer);
  }

  /**
   * Decodes a reply (client direction). VN must be 00.
   *
   * @param in bytes from the server; advanced by 8 on success only
   */
  public static Decoded<Socks4Reply> decode(ByteBuffer in) {
    WireReader r = new WireReader(in);
    if (!r.has(1)) {
      return r.needUntil(LENGTH);
    }
    int vn = r.u8();
    if (vn != 0) {
      return WireReader.malformed(CodecError.Reason.BAD_VERSION, "VN", vn);
    }
    if (!r.has(LENGTH - 1)) {
      return r.needUntil(LENGTH);
    }
    Socks4ReplyCode cd = Socks4ReplyCode.of((byte) r.u8());
    int port = r.u16();
    Inet4Address ip = SocksAddress.ipv4(r.bytes(4)).address();
    return r.complete(new Socks4Reply(cd, port, ip));
  }

  /** Writes the 8 bytes to {@code out}. */
  public void encode(ByteBuffer out) {
    out.put((byte) 0).put(status.code()).putShort((short) dstPort).put(dstIp.getAddress());
  }

  /** Returns the 8 bytes as a new array. */
  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(LENGTH);
    encode(out);
    return out.array();
  }
}
