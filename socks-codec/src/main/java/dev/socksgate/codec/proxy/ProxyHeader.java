package dev.socksgate.codec.proxy;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.internal.WireReader;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * A PROXY protocol header (HAProxy's proxy-protocol.txt), version 1 (text, §2.1) or version 2
 * (binary, §2.2), as the receiver understands it: either the relayed connection's addresses, or
 * none, meaning "use the socket's own addresses". None is what v1 {@code UNKNOWN}, v2 {@code LOCAL}
 * (a balancer's health check), v2 {@code AF_UNSPEC}, and the v2 families and transports this
 * receiver does not implement ({@code AF_UNIX}, datagrams) mean: the spec lets a receiver fall back
 * to the socket's addresses for those (§2.2, "Only the UNSPEC protocol byte is mandatory").
 *
 * <p>v2 TLVs (§2.2.1–2.2.8) are checked for framing and skipped; {@code PP2_TYPE_CRC32C} is not
 * verified (optional for a receiver, and the header comes from a trusted balancer over TCP).
 *
 * @param version the header's version
 * @param addresses the relayed connection's endpoints; empty to use the socket's
 */
public record ProxyHeader(Version version, Optional<ProxiedAddresses> addresses) {

  /**
   * The longest v1 header including its CRLF (§2.1: the {@code UNKNOWN} worst case). A line with no
   * CRLF in this many bytes is malformed.
   */
  public static final int MAX_V1_LENGTH = 107;

  /**
   * The longest v2 address block with its TLVs that is accepted (the {@code len} field). The spec
   * sets no bound beyond 16 bits; 1024 bytes hold the largest address block ({@code AF_UNIX}, 216)
   * plus every TLV a balancer sends in practice (ALPN, authority up to 255, unique ID up to 128,
   * SSL version/CN/cipher/algorithms, an AWS VPC endpoint ID), while a connection still buffers at
   * most about 1 KiB before its address is known.
   */
  public static final int MAX_V2_LENGTH = 1024;

  /** The fixed part of a v2 header: signature, version/command, family, length. */
  public static final int V2_FIXED_LENGTH = 16;

  /** The longest header of either version that {@link #decode} accepts. */
  public static final int MAX_LENGTH = V2_FIXED_LENGTH + MAX_V2_LENGTH;

  /** The two versions of the protocol. */
  public enum Version {
    /** The human-readable header, {@code PROXY ... CRLF} (§2.1). */
    V1,
    /** The binary header, starting with the 12-byte signature (§2.2). */
    V2
  }

  /** Validates the fields. */
  public ProxyHeader {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(addresses, "addresses");
  }

  /** Returns a header that relays {@code addresses}. */
  public static ProxyHeader of(Version version, ProxiedAddresses addresses) {
    return new ProxyHeader(version, Optional.of(addresses));
  }

  /** Returns a header that says "use the socket's addresses": v1 UNKNOWN, or v2 LOCAL. */
  public static ProxyHeader local(Version version) {
    return new ProxyHeader(version, Optional.empty());
  }

  /**
   * Decodes a header of either version, detected by its first bytes (§2.2, end): the v2 signature
   * {@code 0D 0A 0D 0A 00 0D 0A 51 55 49 54 0A} or the text {@code PROXY }. Anything else is
   * malformed from its first differing byte on. Bytes after the header are never consumed: they
   * belong to the protocol that follows.
   *
   * @param in bytes from the balancer; advanced by the header's length on success only
   */
  public static Decoded<ProxyHeader> decode(ByteBuffer in) {
    WireReader r = new WireReader(in);
    if (!r.has(1)) {
      return r.needUntil(V1Header.MIN_LENGTH);
    }
    return switch (r.peek(0)) {
      case 'P' -> V1Header.decode(r);
      case 0x0D -> V2Header.decode(r);
      default -> WireReader.malformed(Reason.BAD_VERSION, "signature", r.peek(0));
    };
  }

  /** Returns the encoded header: v1 text or v2 binary, without TLVs. */
  public byte[] toBytes() {
    return version == Version.V1 ? V1Header.encode(this) : V2Header.encode(this);
  }

  /** Writes the encoded header to {@code out}. */
  public void encode(ByteBuffer out) {
    out.put(toBytes());
  }
}
