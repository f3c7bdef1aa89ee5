package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.model.StreamFailure;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.Locale;

/**
 * Maps a failed outbound connect to the core's {@link StreamFailure} (Tor reference §9
 * (docs/tor-reference.md), {@code errno_to_stream_end_reason}). The JDK reports errno through
 * exception types where it can ({@code ECONNREFUSED}/{@code ETIMEDOUT} → {@link ConnectException},
 * {@code EHOSTUNREACH} → {@link NoRouteToHostException}, {@code EACCES} → {@link BindException})
 * and through the message otherwise ({@code ENETUNREACH} → a {@code SocketException} "Network is
 * unreachable").
 *
 * <p>Deviation from Tor: ENETUNREACH is NETWORK_UNREACHABLE (REP 03, RFC 1928's code for exactly
 * this case), where Tor folds it into NOROUTE (REP 04).
 */
public final class ConnectFailures {

  private ConnectFailures() {}

  /** Returns the failure for {@code error}; GENERAL for anything unrecognised. */
  public static StreamFailure classify(Throwable error) {
    if (error instanceof UnresolvedAddressException) {
      return StreamFailure.RESOLVE_FAILED;
    }
    if (error instanceof UnsupportedAddressTypeException) {
      return StreamFailure.NETWORK_UNREACHABLE;
    }
    if (error instanceof SocketTimeoutException) {
      return StreamFailure.TIMED_OUT;
    }
    if (error instanceof NoRouteToHostException) {
      return StreamFailure.HOST_UNREACHABLE;
    }
    String m = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
    if (m.contains("network is unreachable")) {
      return StreamFailure.NETWORK_UNREACHABLE;
    }
    if (m.contains("host is unreachable")
        || m.contains("no route to host")
        || (error instanceof BindException && m.contains("permission denied"))) {
      return StreamFailure.HOST_UNREACHABLE;
    }
    if (m.contains("timed out")) {
      return StreamFailure.TIMED_OUT;
    }
    if (m.contains("refused")
        || m.contains("connection reset")
        || error instanceof ConnectException) {
      return StreamFailure.CONNECTION_REFUSED;
    }
    return StreamFailure.GENERAL;
  }
}
