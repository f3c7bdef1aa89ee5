package dev.socksgate.codec.http;

/**
 * The bounds of {@link HttpHeadDecoder}. The head limit is C Tor's ({@code
 * connection_ap_process_http_connect} reads at most 8192 bytes of headers); the line and
 * field-count limits are ours, well inside it, so that no single line or long run of tiny fields
 * can make the parser's work grow with what a client sends.
 */
public final class HttpLimits {

  /** Longest request head, request line to the empty line that ends it, CRLFs included. */
  public static final int MAX_HEAD = 8192;

  /** Longest request line or field line, without its CRLF. */
  public static final int MAX_LINE = 4096;

  /** Most header fields in one head. */
  public static final int MAX_FIELDS = 64;

  /** Longest CONNECT host (a DNS name or an address literal), as SOCKS5 and SOCKS4a allow. */
  public static final int MAX_HOST = 255;

  private HttpLimits() {}
}
