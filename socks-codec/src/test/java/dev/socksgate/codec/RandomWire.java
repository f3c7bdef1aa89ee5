package dev.socksgate.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid wire messages of every kind, written byte by byte from the grammar (RFC 1928, RFC
 * 1929, SOCKS4/4a, Tor's command sets) without the codec's encoders, so that decode-then-encode is
 * checked against an independent source of bytes.
 */
public final class RandomWire {

  private static final byte[] SOCKS4_COMMANDS = Hex.bytes("01 02 f0 f1");
  private static final byte[] SOCKS5_COMMANDS = Hex.bytes("01 02 03 f0 f1");

  private final Random random;
  private final RandomMessages values;

  /** Draws from {@code random}; give it a fixed seed. */
  public RandomWire(Random random) {
    this.random = random;
    this.values = new RandomMessages(random);
  }

  private static final class Out {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Out u8(int b) {
      bytes.write(b);
      return this;
    }

    Out put(byte[] b) {
      bytes.writeBytes(b);
      return this;
    }

    Out u16(int v) {
      return u8(v >>> 8).u8(v & 0xFF);
    }

    byte[] done() {
      return bytes.toByteArray();
    }
  }

  private int pick(byte[] choices) {
    return choices[random.nextInt(choices.length)] & 0xFF;
  }

  private int anyByte() {
    return random.nextInt(256);
  }

  /** {@code VN=04 CD DSTPORT DSTIP USERID 00 [HOSTNAME 00]}, at most 512 bytes. */
  public byte[] socks4Request() {
    Out o = new Out().u8(0x04).u8(pick(SOCKS4_COMMANDS)).u16(values.port());
    int room = 512 - 8 - 1;
    if (random.nextBoolean()) {
      byte[] ip = values.bytes(4);
      if (ip[0] == 0 && ip[1] == 0 && ip[2] == 0) {
        ip[3] = 0;
      }
      return o.put(ip).put(values.nonNulBytes(values.length(room))).u8(0).done();
    }
    int hostLength = Math.max(1, values.length(255));
    o.put(new byte[] {0, 0, 0, (byte) (1 + random.nextInt(255))});
    o.put(values.nonNulBytes(values.length(room - hostLength - 1))).u8(0);
    return o.put(values.nonNulBytes(hostLength)).u8(0).done();
  }

  /** {@code VN=00 CD DSTPORT DSTIP}. */
  public byte[] socks4Reply() {
    return new Out().u8(0).u8(anyByte()).u16(values.port()).put(values.bytes(4)).done();
  }

  /** {@code VER=05 NMETHODS METHODS}, NMETHODS 1 to 255. */
  public byte[] socks5Greeting() {
    int n = Math.max(1, values.length(255));
    return new Out().u8(5).u8(n).put(values.bytes(n)).done();
  }

  /** {@code VER=05 METHOD}. */
  public byte[] socks5MethodSelection() {
    return new Out().u8(5).u8(anyByte()).done();
  }

  /** {@code VER=01 ULEN UNAME PLEN PASSWD}. */
  public byte[] passwordAuthRequest() {
    byte[] user = values.bytes(values.length(255));
    byte[] pass = values.bytes(values.length(255));
    return new Out().u8(1).u8(user.length).put(user).u8(pass.length).put(pass).done();
  }

  /** {@code VER=01 STATUS}. */
  public byte[] passwordAuthReply() {
    return new Out().u8(1).u8(anyByte()).done();
  }

  /** {@code VER=05 CMD RSV=00 ATYP DST.ADDR DST.PORT}. */
  public byte[] socks5Request() {
    Out o = new Out().u8(5).u8(pick(SOCKS5_COMMANDS)).u8(0);
    return address(o).u16(values.port()).done();
  }

  /** {@code VER=05 REP RSV=00 ATYP BND.ADDR BND.PORT}, ATYP 00 included. */
  public byte[] socks5Reply() {
    Out o = new Out().u8(5).u8(anyByte()).u8(0);
    if (random.nextInt(5) == 0) {
      o.u8(0).put(new byte[4]);
    } else {
      address(o);
    }
    return o.u16(values.port()).done();
  }

  /**
   * An HTTP/1.x request head (RFC 9112): a method, a CONNECT-style or origin-form target, a few
   * header fields with random optional whitespace and obs-text, the empty line.
   */
  public byte[] httpRequestHead() {
    String[] methods = {"CONNECT", "OPTIONS", "GET", "X-Custom"};
    StringBuilder s = new StringBuilder(methods[random.nextInt(methods.length)]);
    s.append(' ').append(random.nextBoolean() ? "example.com:443" : "[::1]:" + values.port());
    s.append(random.nextBoolean() ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
    for (int n = random.nextInt(6); n > 0; n--) {
      s.append(random.nextBoolean() ? "Host" : "Tor-Stream-Isolation").append(':');
      s.append(random.nextBoolean() ? " " : "\t");
      for (int k = random.nextInt(40); k > 0; k--) {
        s.append((char) (0x21 + random.nextInt(0x5E)));
      }
      s.append(random.nextInt(4) == 0 ? "\u00e9 " : "").append("\r\n");
    }
    return s.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private Out address(Out o) {
    return switch (random.nextInt(3)) {
      case 0 -> o.u8(1).put(values.bytes(4));
      case 1 -> o.u8(4).put(values.bytes(16));
      default -> {
        int n = Math.max(1, values.length(255));
        yield o.u8(3).u8(n).put(values.nonNulBytes(n));
      }
    };
  }

  private static final byte[] PROXY_V2_SIGNATURE = Hex.bytes("0d 0a 0d 0a 00 0d 0a 51 55 49 54 0a");

  /**
   * A PROXY protocol header (HAProxy's proxy-protocol.txt): v1 TCP4, TCP6 (some groups compressed)
   * or UNKNOWN; or v2 PROXY over INET/INET6/UNIX or LOCAL, with random TLVs.
   */
  public byte[] proxyHeader() {
    if (random.nextBoolean()) {
      return proxyV1();
    }
    int family = random.nextInt(4); // UNSPEC, INET, INET6, UNIX
    boolean local = random.nextInt(5) == 0;
    int addressLength = new int[] {0, 12, 36, 216}[family];
    Out tlvs = new Out();
    for (int n = random.nextInt(3); n > 0; n--) {
      int len = random.nextInt(40);
      tlvs.u8(anyByte()).u16(len).put(values.bytes(len));
    }
    byte[] tail = tlvs.done();
    return new Out()
        .put(PROXY_V2_SIGNATURE)
        .u8(local ? 0x20 : 0x21)
        .u8(family << 4 | 1 + random.nextInt(2))
        .u16(addressLength + tail.length)
        .put(values.bytes(addressLength))
        .put(tail)
        .done();
  }

  private byte[] proxyV1() {
    String line =
        switch (random.nextInt(3)) {
          case 0 -> "TCP4 " + ipv4() + " " + ipv4() + " " + values.port() + " " + values.port();
          case 1 -> "TCP6 " + ipv6() + " " + ipv6() + " " + values.port() + " " + values.port();
          default -> random.nextBoolean() ? "UNKNOWN" : "UNKNOWN " + ipv6() + " whatever";
        };
    return Hex.ascii("PROXY " + line + "\r\n");
  }

  private String ipv4() {
    return anyByte() + "." + anyByte() + "." + anyByte() + "." + anyByte();
  }

  private String ipv6() {
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      groups.add(Integer.toHexString(random.nextInt(0x10000)));
    }
    if (random.nextBoolean()) {
      return String.join(":", groups);
    }
    int from = random.nextInt(8);
    int to = from + 1 + random.nextInt(8 - from); // the gap stands for groups [from, to)
    return String.join(":", groups.subList(0, from))
        + "::"
        + String.join(":", groups.subList(to, 8));
  }
}
