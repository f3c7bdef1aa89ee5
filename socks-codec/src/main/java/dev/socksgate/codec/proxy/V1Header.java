package dev.socksgate.codec.proxy;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.internal.WireReader;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The v1 header (proxy-protocol.txt §2.1): {@code PROXY TCP4|TCP6 src dst sport dport CRLF}, or
 * {@code PROXY UNKNOWN} with anything up to the CRLF, at most {@value ProxyHeader#MAX_V1_LENGTH}
 * bytes. The line is judged only once its CRLF is there (§2.1: "must wait for the CRLF"), but a
 * byte that can never be part of it (a control byte, a bare CR or LF, §2.1: "must not tolerate a
 * single CR or LF") is malformed at once.
 */
final class V1Header {

  /** The shortest v1 header: {@code PROXY UNKNOWN CRLF}. */
  static final int MIN_LENGTH = 15;

  private static final byte[] PREFIX = "PROXY ".getBytes(StandardCharsets.US_ASCII);
  private static final String UNKNOWN = "UNKNOWN";

  private V1Header() {}

  static Decoded<ProxyHeader> decode(WireReader r) {
    for (int i = 0; i < PREFIX.length; i++) {
      if (!r.has(i + 1)) {
        return r.needUntil(MIN_LENGTH);
      }
      if (r.peek(i) != PREFIX[i]) {
        return WireReader.malformed(Reason.BAD_VERSION, "signature", r.peek(i));
      }
    }
    int end = -1; // the index of the CR
    int scan = Math.min(r.available(), ProxyHeader.MAX_V1_LENGTH);
    for (int i = PREFIX.length; i < scan && end < 0; i++) {
      int b = r.peek(i);
      if (b == '\r') {
        if (i + 2 > ProxyHeader.MAX_V1_LENGTH) {
          return WireReader.malformed(Reason.TOO_LONG, "line", -1);
        }
        if (!r.has(i + 2)) {
          return r.needUntil(Math.max(MIN_LENGTH, i + 2));
        }
        if (r.peek(i + 1) != '\n') {
          return WireReader.malformed(Reason.BAD_VALUE, "CRLF", r.peek(i + 1));
        }
        end = i;
      } else if (b < 0x20 || b > 0x7E) {
        return WireReader.malformed(Reason.BAD_VALUE, "line", b);
      }
    }
    if (end < 0) {
      return r.available() >= ProxyHeader.MAX_V1_LENGTH
          ? WireReader.malformed(Reason.TOO_LONG, "line", -1)
          : r.needUntil(Math.max(MIN_LENGTH, r.available() + 1));
    }
    byte[] line = r.bytes(end + 2);
    String rest = new String(line, PREFIX.length, end - PREFIX.length, StandardCharsets.US_ASCII);
    Optional<ProxyHeader> header = parse(rest);
    if (header.isEmpty()) {
      return WireReader.malformed(Reason.BAD_VALUE, "PROXY line", -1);
    }
    return r.complete(header.get());
  }

  // Everything after "PROXY " and before the CRLF.
  private static Optional<ProxyHeader> parse(String rest) {
    if (rest.equals(UNKNOWN) || rest.startsWith(UNKNOWN + " ")) {
      return Optional.of(ProxyHeader.local(ProxyHeader.Version.V1)); // the rest is ignored (§2.1)
    }
    String[] f = rest.split(" ", -1);
    if (f.length != 5) {
      return Optional.empty();
    }
    boolean v4 = f[0].equals("TCP4");
    if (!v4 && !f[0].equals("TCP6")) {
      return Optional.empty();
    }
    Optional<byte[]> src = v4 ? TextAddress.ipv4(f[1]) : TextAddress.ipv6(f[1]);
    Optional<byte[]> dst = v4 ? TextAddress.ipv4(f[2]) : TextAddress.ipv6(f[2]);
    int srcPort = TextAddress.port(f[3]);
    int dstPort = TextAddress.port(f[4]);
    if (src.isEmpty() || dst.isEmpty() || srcPort < 0 || dstPort < 0) {
      return Optional.empty();
    }
    return Optional.of(
        ProxyHeader.of(
            ProxyHeader.Version.V1,
            new ProxiedAddresses(
                new InetSocketAddress(Addresses.of(src.get()), srcPort),
                new InetSocketAddress(Addresses.of(dst.get()), dstPort))));
  }

  static byte[] encode(ProxyHeader h) {
    if (h.addresses().isEmpty()) {
      return "PROXY UNKNOWN\r\n".getBytes(StandardCharsets.US_ASCII);
    }
    ProxiedAddresses a = h.addresses().get();
    boolean v6 = a.isIpv6();
    String line =
        "PROXY "
            + (v6 ? "TCP6 " : "TCP4 ")
            + text(a.source(), v6)
            + " "
            + text(a.destination(), v6)
            + " "
            + a.source().getPort()
            + " "
            + a.destination().getPort()
            + "\r\n";
    return line.getBytes(StandardCharsets.US_ASCII);
  }

  private static String text(InetSocketAddress s, boolean v6) {
    return v6 || !(s.getAddress() instanceof Inet4Address)
        ? TextAddress.formatIpv6(Addresses.ipv6Bytes(s.getAddress()))
        : TextAddress.formatIpv4(s.getAddress().getAddress());
  }
}
