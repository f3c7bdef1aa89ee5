package dev.socksgate.codec.v5;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.internal.WireReader;
import java.nio.ByteBuffer;

/**
 * The RFC 1929 status reply: {@code VER=01 STATUS}, 2 bytes. STATUS 00 is success; any other value
 * is failure, after which the server closes (RFC 1929 §2).
 *
 * @param status the STATUS byte
 */
public record PasswordAuthReply(byte status) {

  /** The length of the message. */
  public static final int LENGTH = 2;

  /** {@code 01 00}: success. */
  public static final PasswordAuthReply SUCCESS = new PasswordAuthReply((byte) 0x00);

  /** {@code 01 01}: failure. */
  public static final PasswordAuthReply FAILURE = new PasswordAuthReply((byte) 0x01);

  /** Returns true if STATUS is 00. */
  public boolean isSuccess() {
    return status == 0;
  }

  /**
   * Decodes a reply (client direction).
   *
   * @param in bytes from the server; advanced by 2 on success only
   */
  public static Decoded<PasswordAuthReply> decode(ByteBuffer in) {
    WireReader r = new WireReader(in);
    if (!r.has(1)) {
      return r.needUntil(LENGTH);
    }
    int ver = r.u8();
    if (ver != 0x01) {
      return WireReader.malformed(Reason.BAD_VERSION, "VER", ver);
    }
    if (!r.has(1)) {
      return r.needUntil(LENGTH);
    }
    return r.complete(new PasswordAuthReply((byte) r.u8()));
  }

  /** Writes the 2 bytes to {@code out}. */
  public void encode(ByteBuffer out) {
    out.put((byte) 0x01).put(status);
  }

  /** Returns the 2 bytes as a new array. */
  public byte[] toBytes() {
    return new byte[] {0x01, status};
  }
}
