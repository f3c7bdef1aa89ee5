package dev.socksgate.codec;

/**
 * The bounds every decoder enforces, in one place. They follow Tor's SOCKS front end ({@code
 * proto_socks.c}) and RFC 1928 / RFC 1929.
 */
public final class WireLimits {

  /** Longest domain name, SOCKS5 (RFC 1928 §5, one length byte) and SOCKS4a (Tor: 255). */
  public static final int MAX_DOMAIN_LENGTH = 255;

  /**
   * Longest SOCKS4/4a request including its terminating NULs (Tor's {@code MAX_SOCKS_MESSAGE_LEN}).
   * A request still incomplete once this many bytes are buffered is malformed, not "need more".
   */
  public static final int MAX_SOCKS4_REQUEST = 512;

  /** Longest RFC 1929 username and longest password (one length byte each). */
  public static final int MAX_CREDENTIAL_LENGTH = 255;

  /** Longest SOCKS5 method-selection message: version, count and 255 methods. */
  public static final int MAX_GREETING = 257;

  /** Longest RFC 1929 request: version, two length bytes, 255 bytes of each credential. */
  public static final int MAX_PASSWORD_AUTH_REQUEST = 513;

  /** Longest SOCKS5 request or reply: header, a 255-byte domain with its length byte, port. */
  public static final int MAX_SOCKS5_REQUEST = 262;

  /**
   * Longest single handshake message of any kind. A caller that buffers handshake input needs no
   * more than this many bytes to make progress.
   */
  public static final int MAX_HANDSHAKE_MESSAGE = MAX_PASSWORD_AUTH_REQUEST;

  private WireLimits() {}
}
