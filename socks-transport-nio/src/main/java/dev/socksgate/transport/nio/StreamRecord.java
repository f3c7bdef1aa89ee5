package dev.socksgate.transport.nio;

import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished stream, for an access log ({@link ServerEvents#streamFinished}): a CONNECT relay
 * when it closes, a RESOLVE or RESOLVE_PTR when it was answered, any request when it failed.
 * Durations are from the loop's clock (monotonic), in nanoseconds.
 *
 * <p>The request carries the client's address, the destination and the credentials (a password
 * too): an access log writes what SafeLogging allows, never the password. Immutable.
 *
 * @param listener the listener's bound address
 * @param request the request
 * @param failure empty for success (a relay ran, or a RESOLVE was answered), else why it failed
 * @param handshakeNanos accept to complete request
 * @param connectNanos complete request to its outcome (the exit connected, or the answer)
 * @param totalNanos accept to the end (the relay's close, or the answer)
 * @param bytesUp bytes relayed from the client to the destination (with early data)
 * @param bytesDown bytes relayed from the destination to the client
 */
public record StreamRecord(
    InetSocketAddress listener,
    StreamRequest request,
    Optional<StreamFailure> failure,
    long handshakeNanos,
    long connectNanos,
    long totalNanos,
    long bytesUp,
    long bytesDown) {

  /** Validates the fields. */
  public StreamRecord {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(failure, "failure");
  }

  /** Redacted: the request's command and protocol and the outcome only. */
  @Override
  public String toString() {
    return "StreamRecord[" + request + ", " + failure.map(Enum::name).orElse("SUCCEEDED") + "]";
  }
}
