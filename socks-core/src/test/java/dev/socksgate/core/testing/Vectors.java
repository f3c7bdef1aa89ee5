package dev.socksgate.core.testing;

/**
 * The reply shorthands of the Tor reference (docs/tor-reference.md), as {@link Hex} vectors: {@code
 * ERR(x)}, {@code ERR6(x)}, {@code S4REJ}, {@code S4OK}, and the RESOLVE failure form.
 */
public final class Vectors {

  /** {@code 00 5B 0000 00000000}: every SOCKS4 failure. */
  public static final String S4REJ = "00 5b 0000 00000000";

  /** {@code 00 5A 0000 00000000}: SOCKS4 CONNECT success. */
  public static final String S4OK = "00 5a 0000 00000000";

  /** {@code 05 04 00 00 00000000 0000}: every RESOLVE / RESOLVE_PTR failure (ATYP 00). */
  public static final String RESOLVE_FAILED = "05 04 00 00 00000000 0000";

  private static final String ZERO16 = "00000000 00000000 00000000 00000000";

  private Vectors() {}

  /** The 10-byte reply {@code 05 rep 00 01 00000000 0000}. */
  public static String err(int rep) {
    return "05 " + hex(rep) + " 00 01 00000000 0000";
  }

  /** The 22-byte reply {@code 05 rep 00 04 <16 zero bytes> 0000}. */
  public static String err6(int rep) {
    return "05 " + hex(rep) + " 00 04 " + ZERO16 + " 0000";
  }

  /** The generic reply by client family: {@link #err6} for an IPv6 client, else {@link #err}. */
  public static String generic(int rep, boolean ipv6Client) {
    return ipv6Client ? err6(rep) : err(rep);
  }

  private static String hex(int b) {
    return String.format("%02x", b & 0xFF);
  }
}
