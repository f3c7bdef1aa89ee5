package dev.socksgate.codec.v5;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.internal.WireReader;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The SOCKS5 version identifier/method selection message (RFC 1928 §3): {@code VER=05 NMETHODS
 * METHODS}. NMETHODS is 1 to 255; zero methods is malformed (Tor closes silently). The order and
 * any duplicates are kept as sent.
 *
 * @param methods the offered methods, 1 to 255 of them
 */
public record Socks5Greeting(List<Socks5AuthMethod> methods) {

  /** Validates and copies the list. */
  public Socks5Greeting {
    methods = List.copyOf(methods);
    if (methods.isEmpty() || methods.size() > 255) {
      throw new IllegalArgumentException("NMETHODS must be 1 to 255: " + methods.size());
    }
  }

  /** Returns a greeting offering these methods, in this order. */
  public static Socks5Greeting of(Socks5AuthMethod... methods) {
    return new Socks5Greeting(List.of(methods));
  }

  /** Returns true if the client offered {@code method}. */
  public boolean offers(Socks5AuthMethod method) {
    return methods.contains(method);
  }

  /** Returns the encoded length: 2 + NMETHODS. */
  public int encodedLength() {
    return 2 + methods.size();
  }

  /**
   * Decodes a greeting (server direction).
   *
   * @param in bytes from the client; advanced by the message's length on success only
   */
  public static Decoded<Socks5Greeting> decode(ByteBuffer in) {
    WireReader r = new WireReader(in);
    if (!r.has(1)) {
      return r.needUntil(3);
    }
    int ver = r.u8();
    if (ver != 0x05) {
      return WireReader.malformed(Reason.BAD_VERSION, "VER", ver);
    }
    if (!r.has(1)) {
      return r.needUntil(3);
    }
    int n = r.u8();
    if (n == 0) {
      return WireReader.malformed(Reason.BAD_LENGTH, "NMETHODS", 0);
    }
    if (!r.has(n)) {
      return r.needUntil(2 + n);
    }
    Socks5AuthMethod[] methods = new Socks5AuthMethod[n];
    for (int i = 0; i < n; i++) {
      methods[i] = Socks5AuthMethod.of((byte) r.u8());
    }
    return r.complete(new Socks5Greeting(List.of(methods)));
  }

  /** Writes the message to {@code out}. */
  public void encode(ByteBuffer out) {
    out.put((byte) 0x05).put((byte) methods.size());
    for (Socks5AuthMethod m : methods) {
      out.put(m.code());
    }
  }

  /** Returns the encoded message as a new array. */
  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(encodedLength());
    encode(out);
    return out.array();
  }
}
