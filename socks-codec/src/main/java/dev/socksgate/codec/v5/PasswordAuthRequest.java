package dev.socksgate.codec.v5;

import dev.socksgate.codec.CodecError.Reason;
import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.WireLimits;
import dev.socksgate.codec.internal.WireReader;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The RFC 1929 username/password request: {@code VER=01 ULEN UNAME PLEN PASSWD}. Either field may
 * be 0 to 255 bytes long; empty fields are accepted, as Tor accepts them (Tor reference §5
 * (docs/tor-reference.md)). The bytes are opaque (NUL allowed). The password never appears in
 * {@link #toString()}.
 *
 * @param username UNAME (copied)
 * @param password PASSWD (copied)
 */
public record PasswordAuthRequest(byte[] username, byte[] password) {

  /** Validates and copies the fields. */
  public PasswordAuthRequest {
    username = username.clone();
    password = password.clone();
    if (username.length > WireLimits.MAX_CREDENTIAL_LENGTH
        || password.length > WireLimits.MAX_CREDENTIAL_LENGTH) {
      throw new IllegalArgumentException("UNAME and PASSWD are at most 255 bytes each");
    }
  }

  /** Returns a copy of UNAME. */
  @Override
  public byte[] username() {
    return username.clone();
  }

  /** Returns a copy of PASSWD. */
  @Override
  public byte[] password() {
    return password.clone();
  }

  /** Returns the encoded length: 3 + ULEN + PLEN. */
  public int encodedLength() {
    return 3 + username.length + password.length;
  }

  /**
   * Decodes a request (server direction).
   *
   * @param in bytes from the client; advanced by the message's length on success only
   */
  public static Decoded<PasswordAuthRequest> decode(ByteBuffer in) {
    WireReader r = new WireReader(in);
    if (!r.has(1)) {
      return r.needUntil(3);
    }
    int ver = r.u8();
    if (ver != 0x01) {
      return WireReader.malformed(Reason.BAD_VERSION, "VER", ver);
    }
    if (!r.has(1)) {
      return r.needUntil(3);
    }
    int ulen = r.peek(0);
    if (!r.has(1 + ulen + 1)) {
      return r.needUntil(3 + ulen);
    }
    r.u8();
    byte[] username = r.bytes(ulen);
    int plen = r.peek(0);
    if (!r.has(1 + plen)) {
      return r.needUntil(3 + ulen + plen);
    }
    r.u8();
    return r.complete(new PasswordAuthRequest(username, r.bytes(plen)));
  }

  /** Writes the message to {@code out}. */
  public void encode(ByteBuffer out) {
    out.put((byte) 0x01).put((byte) username.length).put(username);
    out.put((byte) password.length).put(password);
  }

  /** Returns the encoded message as a new array. */
  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(encodedLength());
    encode(out);
    return out.array();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PasswordAuthRequest other
        && Arrays.equals(username, other.username)
        && Arrays.equals(password, other.password);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(username) + Arrays.hashCode(password);
  }

  /** Shows lengths only: both fields may be secrets. */
  @Override
  public String toString() {
    return "PasswordAuthRequest[username=<" + username.length + " bytes>, password=<redacted>]";
  }
}
