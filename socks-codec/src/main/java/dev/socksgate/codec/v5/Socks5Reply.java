package dev.socksgate.codec.v5;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.internal.AddressCodec;
import dev.socksgate.codec.internal.WireReader;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * A SOCKS5 reply (RFC 1928 §6): {@code VER=05 REP RSV=00 ATYP BND.ADDR BND.PORT}.
 *
 * <p>Besides the RFC's three address types, the reply may carry ATYP {@code 00} with four zero
 * address bytes: Tor answers every failed RESOLVE and RESOLVE_PTR as {@code 05 04 00 00 00000000
 * 0000} (Tor reference §7 (docs/tor-reference.md)). An empty {@link #bndAddr()} stands for that
 * form.
 *
 * @param rep REP
 * @param bndAddr BND.ADDR, or empty for the ATYP 00 form
 * @param bndPort BND.PORT, 0 to 65535
 */
public record Socks5Reply(Socks5ReplyCode rep, Optional<SocksAddress> bndAddr, int bndPort) {

  private static final int UNSPECIFIED_LENGTH = 10;
  // The shortest reply of any form: a one-byte domain name (05 REP 00 03 01 <name> <port>). Until
  // ATYP is known, "need more" may ask for no more than that (an ATYP 00 reply is 10 bytes).
  private static final int SMALLEST = 3 + 1 + 2 + 2;
  private static final SocksAddress ZERO_V4 = SocksAddress.ipv4(new byte[4]);
  private static final SocksAddress ZERO_V6 = SocksAddress.ipv6(new byte[16]);

  /** Validates the fields. */
  public Socks5Reply {
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(bndAddr, "bndAddr");
    if (bndPort < 0 || bndPort > 0xFFFF) {
      throw new IllegalArgumentException("bndPort out of range: " + bndPort);
    }
  }

  /** Returns a reply with this address and port. */
  public static Socks5Reply of(Socks5ReplyCode rep, SocksAddress bndAddr, int bndPort) {
    return new Socks5Reply(rep, Optional.of(bndAddr), bndPort);
  }

  /** Returns {@code 05 REP 00 01 00000000 0000}: the 10-byte form with zero IPv4 fields. */
  public static Socks5Reply zeroIpv4(Socks5ReplyCode rep) {
    return new Socks5Reply(rep, Optional.of(ZERO_V4), 0);
  }

  /** Returns {@code 05 REP 00 04 <16 zero bytes> 0000}: the 22-byte form with zero IPv6 fields. */
  public static Socks5Reply zeroIpv6(Socks5ReplyCode rep) {
    return new Socks5Reply(rep, Optional.of(ZERO_V6), 0);
  }

  /** Returns {@code 05 REP 00 00 00000000 0000}: Tor's failure form for RESOLVE and RESOLVE_PTR. */
  public static Socks5Reply unspecified(Socks5ReplyCode rep) {
    return new Socks5Reply(rep, Optional.empty(), 0);
  }

  /** Returns the encoded length in bytes. */
  public int encodedLength() {
    return bndAddr.map(a -> 3 + AddressCodec.length(a) + 2).orElse(UNSPECIFIED_LENGTH);
  }

  /**
   * Decodes a reply (client direction). Any REP byte is accepted; VER must be 05, RSV 00, ATYP 00
   * (with zero address bytes), 01, 03 or 04.
   *
   * @param in bytes from the server; advanced by the reply's length on success only
   */
  public static Decoded<Socks5Reply> decode(ByteBuffer in) {
    WireReader r = new WireReader(in);
    if (!r.has(1)) {
      return r.needUntil(SMALLEST);
    }
    int ver = r.u8();
    if (ver != 0x05) {
      return WireReader.malformed(Reason.BAD_VERSION, "VER", ver);
    }
    if (!r.has(1)) {
      return r.needUntil(SMALLEST);
    }
    Socks5ReplyCode rep = Socks5ReplyCode.of((byte) r.u8());
    if (r.has(2) && r.peek(0) == 0 && r.peek(1) == 0) {
      return decodeUnspecified(r, rep);
    }
    return Socks5Request.decodeTail(
        r, "BND.ADDR", (addr, port) -> new Socks5Reply(rep, Optional.of(addr), port));
  }

  private static Decoded<Socks5Reply> decodeUnspecified(WireReader r, Socks5ReplyCode rep) {
    r.u8();
    r.u8();
    for (int i = 0; i < 4 && r.has(i + 1); i++) {
      if (r.peek(i) != 0) {
        return WireReader.malformed(Reason.BAD_VALUE, "BND.ADDR", r.peek(i));
      }
    }
    if (!r.has(6)) {
      return r.needUntil(UNSPECIFIED_LENGTH);
    }
    r.bytes(4);
    return r.complete(new Socks5Reply(rep, Optional.empty(), r.u16()));
  }

  /** Writes the reply to {@code out}. */
  public void encode(ByteBuffer out) {
    out.put((byte) 0x05).put(rep.code()).put((byte) 0);
    if (bndAddr.isPresent()) {
      AddressCodec.write(bndAddr.get(), out);
    } else {
      out.put((byte) 0).putInt(0);
    }
    out.putShort((short) bndPort);
  }

  /** Returns the encoded reply as a new array. */
  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(encodedLength());
    encode(out);
    return out.array();
  }
}
