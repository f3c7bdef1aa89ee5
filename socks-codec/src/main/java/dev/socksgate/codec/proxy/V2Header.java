package dev.socksgate.codec.proxy;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.internal.WireReader;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The v2 header (proxy-protocol.txt §2.2): the 12-byte signature, version/command ({@code 0x20}
 * LOCAL, {@code 0x21} PROXY), family/transport, a 16-bit length, then that many bytes of address
 * block and TLVs. Fields are judged as soon as they arrive; the address block and TLVs once all of
 * them are there (§2.2: "must not start to parse an address before the whole address block is
 * received").
 *
 * <p>LOCAL: the family and the whole block are ignored (§2.2). PROXY: the family must be one of
 * {@code AF_UNSPEC}, {@code AF_INET}, {@code AF_INET6}, {@code AF_UNIX} and the transport one of
 * {@code UNSPEC}, {@code STREAM}, {@code DGRAM}; the length must hold the family's addresses (12,
 * 36 or 216 bytes); what follows the addresses must be whole TLVs. Only TCP over IPv4 or IPv6
 * carries an address this receiver uses; the others fall back to the socket's (§2.2).
 */
final class V2Header {

  private static final byte[] SIGNATURE = {
    0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A
  };
  private static final int CMD_LOCAL = 0x0;
  private static final int CMD_PROXY = 0x1;
  private static final int AF_INET = 0x1;
  private static final int AF_INET6 = 0x2;
  private static final int AF_UNIX = 0x3;
  private static final int STREAM = 0x1;
  private static final int DGRAM = 0x2;
  // The address block's length per family: UNSPEC, INET (2*4+2*2), INET6 (2*16+2*2), UNIX (2*108).
  private static final int[] ADDRESS_LENGTH = {0, 12, 36, 216};
  private static final int TLV_HEADER = 3;

  private V2Header() {}

  static Decoded<ProxyHeader> decode(WireReader r) {
    int fixed = ProxyHeader.V2_FIXED_LENGTH;
    for (int i = 0; i < SIGNATURE.length; i++) {
      if (!r.has(i + 1)) {
        return r.needUntil(fixed);
      }
      if (r.peek(i) != (SIGNATURE[i] & 0xFF)) {
        return WireReader.malformed(Reason.BAD_VERSION, "signature", r.peek(i));
      }
    }
    if (!r.has(13)) {
      return r.needUntil(fixed);
    }
    int verCmd = r.peek(12);
    if (verCmd >> 4 != 2) {
      return WireReader.malformed(Reason.BAD_VERSION, "version", verCmd);
    }
    int command = verCmd & 0x0F;
    if (command != CMD_LOCAL && command != CMD_PROXY) {
      return WireReader.malformed(Reason.UNSUPPORTED_COMMAND, "command", verCmd);
    }
    if (!r.has(14)) {
      return r.needUntil(fixed);
    }
    int fam = r.peek(13);
    int family = fam >> 4;
    int transport = fam & 0x0F;
    boolean proxy = command == CMD_PROXY;
    if (proxy && (family > AF_UNIX || transport > DGRAM)) {
      return WireReader.malformed(Reason.UNSUPPORTED_ADDRESS_TYPE, "family", fam);
    }
    if (!r.has(fixed)) {
      return r.needUntil(fixed);
    }
    int len = r.peek(14) << 8 | r.peek(15);
    if (len > ProxyHeader.MAX_V2_LENGTH) {
      return WireReader.malformed(Reason.TOO_LONG, "length", len);
    }
    if (proxy && len < ADDRESS_LENGTH[family]) {
      return WireReader.malformed(Reason.BAD_LENGTH, "length", len);
    }
    if (!r.has(fixed + len)) {
      return r.needUntil(fixed + len);
    }
    r.bytes(fixed);
    ByteBuffer block = ByteBuffer.wrap(r.bytes(len));
    if (!proxy) {
      return r.complete(ProxyHeader.local(ProxyHeader.Version.V2));
    }
    if (family != 0 && !tlvsFit(block, ADDRESS_LENGTH[family])) {
      return WireReader.malformed(Reason.BAD_LENGTH, "TLV", -1);
    }
    if (transport != STREAM || (family != AF_INET && family != AF_INET6)) {
      return r.complete(ProxyHeader.local(ProxyHeader.Version.V2)); // UNSPEC, UNIX, DGRAM
    }
    int size = family == AF_INET ? 4 : 16;
    byte[] src = new byte[size];
    byte[] dst = new byte[size];
    block.get(src).get(dst);
    int srcPort = Short.toUnsignedInt(block.getShort());
    int dstPort = Short.toUnsignedInt(block.getShort());
    return r.complete(
        ProxyHeader.of(
            ProxyHeader.Version.V2,
            new ProxiedAddresses(
                new InetSocketAddress(Addresses.of(src), srcPort),
                new InetSocketAddress(Addresses.of(dst), dstPort))));
  }

  // True if the bytes after the addresses are whole TLVs: type, 16-bit length, value (§2.2).
  private static boolean tlvsFit(ByteBuffer block, int from) {
    int at = from;
    int end = block.limit();
    while (at < end) {
      if (end - at < TLV_HEADER) {
        return false;
      }
      int length = Short.toUnsignedInt(block.getShort(at + 1));
      at += TLV_HEADER + length;
    }
    return at == end;
  }

  static byte[] encode(ProxyHeader h) {
    if (h.addresses().isEmpty()) {
      return ByteBuffer.allocate(ProxyHeader.V2_FIXED_LENGTH)
          .put(SIGNATURE)
          .put((byte) (0x20 | CMD_LOCAL))
          .put((byte) 0x00)
          .putShort((short) 0)
          .array();
    }
    ProxiedAddresses a = h.addresses().get();
    boolean v6 = a.isIpv6();
    int len = ADDRESS_LENGTH[v6 ? AF_INET6 : AF_INET];
    ByteBuffer out = ByteBuffer.allocate(ProxyHeader.V2_FIXED_LENGTH + len);
    out.put(SIGNATURE)
        .put((byte) (0x20 | CMD_PROXY))
        .put((byte) ((v6 ? AF_INET6 : AF_INET) << 4 | STREAM))
        .putShort((short) len);
    out.put(raw(a.source(), v6)).put(raw(a.destination(), v6));
    out.putShort((short) a.source().getPort()).putShort((short) a.destination().getPort());
    return out.array();
  }

  private static byte[] raw(InetSocketAddress s, boolean v6) {
    return v6 || !(s.getAddress() instanceof Inet4Address)
        ? Addresses.ipv6Bytes(s.getAddress())
        : s.getAddress().getAddress();
  }
}
