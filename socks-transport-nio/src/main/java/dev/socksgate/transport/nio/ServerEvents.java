package dev.socksgate.transport.nio;

import dev.socksgate.core.handshake.HandshakeError;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * What the server reports, for an embedder that logs or counts (the app decides the logging policy;
 * the transport itself logs at DEBUG only, and never client data above it). Every method has a
 * no-op default.
 *
 * <p>Called on event-loop threads: implementations must be thread-safe, fast and non-blocking. An
 * exception thrown here is logged and otherwise ignored. The arguments carry client addresses,
 * targets and (inside requests) credentials: redact them before logging.
 */
public interface ServerEvents {

  /** Reports nothing. */
  ServerEvents NONE = new ServerEvents() {};

  /** A client connected and its handshake starts. */
  default void connectionAccepted(ClientInfo client) {}

  /** A client was closed at once because the connection cap was reached. */
  default void connectionRejected(InetSocketAddress listener) {}

  /**
   * A client was closed right after accept because the client policy ({@code --socks-policy})
   * refuses its address; nothing was read or written.
   *
   * @param listener the listener it connected to
   * @param client the client's address (redact it before logging)
   */
  default void connectionRefusedByPolicy(InetSocketAddress listener, InetSocketAddress client) {}

  /**
   * A client was closed right after accept because its address (IPv4) or /64 prefix (IPv6) already
   * has {@code --max-connections-per-address} connections open; nothing was read or written.
   *
   * @param listener the listener it connected to
   * @param client the client's address (redact it before logging)
   */
  default void connectionRefusedByAddressLimit(
      InetSocketAddress listener, InetSocketAddress client) {}

  /**
   * Correct RFC 1929 credentials were refused (reply {@code 01 01}, then close) because the user
   * already has {@code --max-connections-per-user} authenticated connections open.
   *
   * @param client the client
   */
  default void authenticationRefusedByUserLimit(ClientInfo client) {}

  /**
   * An unfinished handshake was closed to make room for a newcomer: the server was at {@code
   * --max-connections}, and this was the oldest handshake, waiting longer than the shedding grace
   * (1 s). Nothing was written to it; {@link #connectionClosed} follows.
   *
   * @param client the shed client (redact its address before logging)
   */
  default void handshakeShed(ClientInfo client) {}

  /**
   * {@code accept} started failing (EMFILE and the like). Reported once per streak of failures: the
   * listener pauses for 100 ms and retries until an accept works again.
   */
  default void acceptFailed(InetSocketAddress listener, IOException error) {}

  /** The handshake failed; the reply the core chose was sent (or nothing, for garbage). */
  default void handshakeFailed(ClientInfo client, HandshakeError error) {}

  /**
   * A request is complete and goes to the use case. An app warns about unsafe requests here ({@code
   * !request.safe()}: the client resolved the name itself, Tor reference §14
   * (docs/tor-reference.md)).
   */
  default void requestDone(StreamRequest request) {}

  /** CONNECT succeeded: the success reply was sent and the relay runs. */
  default void streamOpened(StreamRequest request) {}

  /** The request failed (including a SocksTimeout while pending: TIMED_OUT). */
  default void streamFailed(StreamRequest request, StreamFailure failure) {}

  /**
   * A stream finished: a CONNECT relay closed, a RESOLVE or RESOLVE_PTR was answered, or a request
   * failed (refused, timed out). One call per request that reached the use case; a request whose
   * connection the server closed while it was pending (a stop, a revoked user) reports none.
   */
  default void streamFinished(StreamRecord record) {}

  /** A client connection was closed, for whatever reason. */
  default void connectionClosed(ClientInfo client) {}

  /**
   * A connection to a {@code ProxyProtocol} listener came from a source outside {@code
   * --proxy-protocol-from} and was closed right after accept; nothing was read or written.
   *
   * @param listener the listener it connected to
   * @param source the socket's peer address (redact it before logging)
   */
  default void proxyHeaderUntrusted(InetSocketAddress listener, InetSocketAddress source) {}

  /**
   * A connection to a {@code ProxyProtocol} listener, from a trusted source, was closed without a
   * reply because no valid PROXY header arrived.
   *
   * @param listener the listener it connected to
   * @param source the socket's peer address (the balancer; redact it before logging)
   * @param failure what went wrong
   */
  default void proxyHeaderFailed(
      InetSocketAddress listener, InetSocketAddress source, ProxyHeaderFailure failure) {}

  /** Why a PROXY header was not read; see {@link #proxyHeaderFailed}. */
  enum ProxyHeaderFailure {
    /** The source closed before a whole header (a balancer's plain TCP check may do this). */
    CLOSED,
    /** The bytes are not a PROXY header, or one over the decoder's limits. */
    MALFORMED,
    /** No whole header within {@link NioServerConfig#proxyHeaderTimeout()}. */
    TIMED_OUT
  }
}
