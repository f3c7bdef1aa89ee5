package dev.socksgate.codec.v5;

import dev.socksgate.codec.CodecError;
import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.internal.AddressCodec;
import dev.socksgate.codec.internal.WireReader;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * A SOCKS5 request (RFC 1928 §4): {@code VER=05 CMD RSV=00 ATYP DST.ADDR DST.PORT}.
 *
 * <p>The decoder follows Tor's grammar (Tor reference §6.1 (docs/tor-reference.md)): CMD is one of
 * 01, 02, 03, F0, F1; RSV is 00; ATYP is 01, 03 or 04; a domain is 1 to 255 bytes without NUL. Each
 * of these is reported as malformed as soon as the offending byte is buffered, without waiting for
 * the rest. Port values and host name syntax are the server's policy, not the codec's.
 *
 * @param command CMD
 * @param dstAddr DST.ADDR with its type
 * @param dstPort DST.PORT, 0 to 65535
 */
public record Socks5Request(Socks5Command command, SocksAddress dstAddr, int dstPort) {

  private static final int HEADER = 4;
  private static final int SMALLEST = HEADER + 2 + 2;

  /** Validates the fields. */
  public Socks5Request {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(dstAddr, "dstAddr");
    if (dstPort < 0 || dstPort > 0xFFFF) {
      throw new IllegalArgumentException("dstPort out of range: " + dstPort);
    }
  }

  /** Returns true for the commands of Tor's grammar: 01, 02, 03, F0, F1. */
  static boolean inGrammar(Socks5Command cmd) {
    return cmd.isKnown() && !cmd.equals(Socks5Command.CONNECT_DIR);
  }

  /** Returns the encoded length in bytes. */
  public int encodedLength() {
    return 3 + AddressCodec.length(dstAddr) + 2;
  }

  /**
   * Decodes a request (server direction).
   *
   * @param in bytes from the client; advanced by the request's length on success only
   */
  public static Decoded<Socks5Request> decode(ByteBuffer in) {
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
    Socks5Command cmd = Socks5Command.of((byte) r.u8());
    if (!inGrammar(cmd)) {
      return WireReader.malformed(Reason.UNSUPPORTED_COMMAND, "CMD", cmd.code() & 0xFF);
    }
    return decodeTail(r, "DST.ADDR", (addr, port) -> new Socks5Request(cmd, addr, port));
  }

  /** Builds a message from the decoded address and port. */
  interface Tail<T> {
    T build(SocksAddress address, int port);
  }

  /**
   * Decodes {@code RSV ATYP ADDR PORT}, shared with {@link Socks5Reply}. The reader stands after
   * the first two bytes.
   */
  static <T> Decoded<T> decodeTail(WireReader r, String field, Tail<T> tail) {
    if (!r.has(1)) {
      return r.needUntil(SMALLEST);
    }
    int rsv = r.u8();
    if (rsv != 0) {
      return WireReader.malformed(Reason.BAD_RESERVED, "RSV", rsv);
    }
    if (!r.has(1)) {
      return r.needUntil(SMALLEST);
    }
    int atyp = r.u8();
    if (!AddressCodec.isKnownType(atyp)) {
      return WireReader.malformed(Reason.UNSUPPORTED_ADDRESS_TYPE, "ATYP", atyp);
    }
    int addrLen = AddressCodec.addressLength(atyp, r);
    if (addrLen < 0) {
      return r.needUntil(SMALLEST);
    }
    if (atyp == AddressCodec.DOMAIN) {
      int len = addrLen - 1;
      r.u8();
      Optional<CodecError> bad = AddressCodec.checkDomain(r, len, field);
      if (bad.isPresent()) {
        return new Decoded.Malformed<>(bad.get());
      }
      if (!r.has(len + 2)) {
        return r.needUntil(HEADER + addrLen + 2);
      }
      SocksAddress addr = new SocksAddress.Domain(dev.socksgate.codec.DomainName.of(r.bytes(len)));
      return r.complete(tail.build(addr, r.u16()));
    }
    if (!r.has(addrLen + 2)) {
      return r.needUntil(HEADER + addrLen + 2);
    }
    SocksAddress addr = AddressCodec.read(atyp, r);
    return r.complete(tail.build(addr, r.u16()));
  }

  /** Writes the request to {@code out}. */
  public void encode(ByteBuffer out) {
    out.put((byte) 0x05).put(command.code()).put((byte) 0);
    AddressCodec.write(dstAddr, out);
    out.putShort((short) dstPort);
  }

  /** Returns the encoded request as a new array. */
  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(encodedLength());
    encode(out);
    return out.array();
  }
}
