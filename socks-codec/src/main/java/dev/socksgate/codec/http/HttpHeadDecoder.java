package dev.socksgate.codec.http;

import dev.socksgate.codec.CodecError;
import dev.socksgate.codec.Decoded;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An incremental decoder for one HTTP/1.x request head (RFC 9112 §2–§5), bounded by {@link
 * HttpLimits}. It scans each byte once: a caller that feeds it the same input again, with more
 * bytes appended (as a connection's read buffer grows), pays only for the new bytes; {@link
 * HttpRequestHead#decode} uses a fresh decoder each time.
 *
 * <p>Grammar, strictest reading of RFC 9112: {@code method SP request-target SP HTTP/1.0|HTTP/1.1
 * CRLF}, then {@code field-name ":" OWS value OWS CRLF} lines, then {@code CRLF}. Deliberately
 * refused, each as the malformation named in brackets: a bare LF or a bare CR as a line end (RFC
 * 9112 §2.2 lets a recipient accept a bare LF; we do not, so that no proxy in front of us can read
 * a different head than we do) [{@code BAD_VALUE} in {@code line-ending}]; an empty line before the
 * request line, a missing or doubled SP [{@code request-line}]; another HTTP version [{@code
 * BAD_VERSION} in {@code HTTP-version}]; whitespace before a colon, obs-fold, a control character
 * [{@code field-line}, {@code field-value}]. Limits: a request line over {@link
 * HttpLimits#MAX_LINE} ({@code TOO_LONG} in {@code request-line}), a field line over it ({@code
 * field-line}), more than {@link HttpLimits#MAX_FIELDS} fields ({@code field-count}), a head of
 * more than {@link HttpLimits#MAX_HEAD} bytes ({@code head}). Every malformation is reported as
 * soon as the bytes that prove it are buffered.
 *
 * <p>Contract: between calls, the bytes from the input's position onwards must be the ones given
 * before, plus any appended. Not thread-safe; one decoder per head.
 */
public final class HttpHeadDecoder {

  private static final String VERSION_PREFIX = "HTTP/";

  private int scanned; // bytes from the position checked so far
  private int lineStart; // offset of the current line's first byte
  private @Nullable String method;
  private String target = "";
  private int minorVersion;
  private final List<HttpField> fields = new ArrayList<>();
  private @Nullable CodecError error;
  private boolean methodDone; // the request line's first SP has been seen

  /** Starts a decoder for one head. */
  public HttpHeadDecoder() {}

  /** Decodes from {@code in}'s position; only a complete head moves it, past the empty line. */
  public Decoded<HttpRequestHead> decode(ByteBuffer in) {
    int base = in.position();
    int available = in.remaining();
    while (error == null && scanned < available) {
      int c = in.get(base + scanned) & 0xFF;
      boolean afterCr = scanned > lineStart && in.get(base + scanned - 1) == '\r';
      if (c == '\n') {
        if (!afterCr) {
          return fail(CodecError.Reason.BAD_VALUE, "line-ending");
        }
        String line = text(in, base + lineStart, scanned - 1 - lineStart);
        scanned++;
        lineStart = scanned;
        if (line.isEmpty() && method != null) {
          HttpRequestHead head = new HttpRequestHead(method, target, minorVersion, fields);
          int length = scanned;
          in.position(base + length);
          return new Decoded.Message<>(head, length);
        }
        onLine(line);
        continue;
      }
      if (afterCr) {
        return fail(CodecError.Reason.BAD_VALUE, "line-ending");
      }
      if (method == null && !methodDone && !HttpSyntax.isTchar(c)) {
        // The method is a token: anything else before the first SP (a SOCKS greeting, a TLS
        // ClientHello, a CR) is refused at once instead of waiting for a line end.
        if (c != ' ' || scanned == lineStart) {
          return fail(CodecError.Reason.BAD_VALUE, "request-line");
        }
        methodDone = true;
      }
      scanned++;
      if (scanned - lineStart > HttpLimits.MAX_LINE + 1) {
        return fail(CodecError.Reason.TOO_LONG, method == null ? "request-line" : "field-line");
      }
      if (scanned >= HttpLimits.MAX_HEAD) {
        return fail(CodecError.Reason.TOO_LONG, "head"); // the line feed would be one too many
      }
    }
    if (error != null) {
      return new Decoded.Malformed<>(error);
    }
    return new Decoded.NeedMore<>(missing(in, base));
  }

  /** A lower bound on the bytes still missing: the current line's end, then the empty line. */
  private int missing(ByteBuffer in, int base) {
    boolean pendingCr = scanned > lineStart && in.get(base + scanned - 1) == '\r';
    boolean lineEmpty = scanned - lineStart == (pendingCr ? 1 : 0);
    int endOfLine = pendingCr ? 1 : 2;
    return lineEmpty && method != null ? endOfLine : endOfLine + 2;
  }

  private void onLine(String line) {
    if (method == null) {
      requestLine(line);
    } else if (fields.size() == HttpLimits.MAX_FIELDS) {
      error = new CodecError(CodecError.Reason.TOO_LONG, "field-count", -1);
    } else {
      fieldLine(line);
    }
  }

  private void requestLine(String line) {
    int sp1 = line.indexOf(' ');
    int sp2 = line.lastIndexOf(' ');
    if (sp1 <= 0 || sp2 <= sp1 + 1) {
      error = new CodecError(CodecError.Reason.BAD_VALUE, "request-line", -1);
      return;
    }
    String m = line.substring(0, sp1);
    String t = line.substring(sp1 + 1, sp2);
    String version = line.substring(sp2 + 1);
    if (!m.chars().allMatch(HttpSyntax::isTchar) || !t.chars().allMatch(HttpSyntax::isVchar)) {
      error = new CodecError(CodecError.Reason.BAD_VALUE, "request-line", -1);
      return;
    }
    if (version.equals("HTTP/1.0") || version.equals("HTTP/1.1")) {
      method = m;
      target = t;
      minorVersion = version.charAt(version.length() - 1) - '0';
    } else if (version.startsWith(VERSION_PREFIX)) {
      error = new CodecError(CodecError.Reason.BAD_VERSION, "HTTP-version", -1);
    } else {
      error = new CodecError(CodecError.Reason.BAD_VALUE, "request-line", -1);
    }
  }

  private void fieldLine(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0 || !line.substring(0, colon).chars().allMatch(HttpSyntax::isTchar)) {
      // Covers obs-fold (a leading SP or HTAB) and whitespace before the colon (RFC 9112 §5.1).
      error = new CodecError(CodecError.Reason.BAD_VALUE, "field-line", -1);
      return;
    }
    String raw = line.substring(colon + 1);
    if (!raw.chars().allMatch(HttpSyntax::isFieldChar)) {
      error = new CodecError(CodecError.Reason.BAD_VALUE, "field-value", -1);
      return;
    }
    fields.add(new HttpField(line.substring(0, colon), raw));
  }

  private Decoded<HttpRequestHead> fail(CodecError.Reason reason, String field) {
    error = new CodecError(reason, field, -1);
    return new Decoded.Malformed<>(error);
  }

  private static String text(ByteBuffer in, int from, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) (in.get(from + i) & 0xFF); // ISO-8859-1: one char per byte
    }
    return new String(chars);
  }
}
