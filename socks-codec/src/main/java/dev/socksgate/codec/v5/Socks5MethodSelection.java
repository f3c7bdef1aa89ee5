package dev.socksgate.codec.v5;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.internal.WireReader;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The server's METHOD selection message (RFC 1928 §3): {@code VER=05 METHOD}, 2 bytes. {@code 05
 * FF} refuses every offered method; the server then closes.
 *
 * @param method the selected method
 */
public record Socks5MethodSelection(Socks5AuthMethod method) {

  /** The length of the message. */
  public static final int LENGTH = 2;

  /** Validates the field. */
  public Socks5MethodSelection {
    Objects.requireNonNull(method, "method");
  }

  /**
   * Decodes a selection (client direction).
   *
   * @param in bytes from the server; advanced by 2 on success only
   */
  public static Decoded<Socks5MethodSelection> decode(ByteBuffer in) {
    WireReader r = new WireReader(in);
    if (!r.has(1)) {
      return r.needUntil(LENGTH);
    }
    int ver = r.u8();
    if (ver != 0x05) {
      return WireReader.malformed(Reason.BAD_VERSION, "VER", ver);
    }
    if (!r.has(1)) {
      return r.needUntil(LENGTH);
    }
    return r.complete(new Socks5MethodSelection(Socks5AuthMethod.of((byte) r.u8())));
  }

  /** Writes the 2 bytes to {@code out}. */
  public void encode(ByteBuffer out) {
    out.put((byte) 0x05).put(method.code());
  }

  /** Returns the 2 bytes as a new array. */
  public byte[] toBytes() {
    return new byte[] {0x05, method.code()};
  }
}
