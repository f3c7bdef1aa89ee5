package dev.socksgate.transport.nio;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.ExitResult;
import dev.socksgate.transport.nio.internal.UpstreamSession;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * An exit through an upstream SOCKS5 proxy, such as a local Tor's SocksPort: every stream is its
 * own upstream connection, authenticated with {@link UpstreamCredentials} derived from the stream's
 * isolation key, then a CONNECT by host name when the client gave one (no local DNS: the name
 * leaves only towards the upstream) or by address. The client's optimistic data goes right behind
 * the CONNECT. A refusal from the upstream passes through as the same REP (via {@code
 * ReplyCodes.failureOf}); an unreachable upstream is GENERAL (01), or TIMED_OUT (06) when the
 * connect and handshake together outlast the timeout.
 *
 * <p>Non-blocking, on the caller's event loop (the client's), so the upstream connection shares the
 * client's selector for the relay. Thread-safe.
 */
public final class UpstreamExitConnector implements ExitConnector<NioExit> {

  private final NioTransport transport;
  private final Upstream upstream;

  /**
   * Creates the connector.
   *
   * @param transport the loops to connect on
   * @param upstream the proxy, the credentials it sees and the time allowed per stream
   */
  public UpstreamExitConnector(NioTransport transport, Upstream upstream) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.upstream = Objects.requireNonNull(upstream, "upstream");
  }

  @Override
  public CompletionStage<ExitResult<NioExit>> connect(
      StreamRequest request, IsolationKey key, ByteBuffer earlyData) {
    Socks5Request connect =
        new Socks5Request(
            Socks5Command.CONNECT, toSocks(request.target().host()), request.target().port());
    return UpstreamSessions.open(transport, upstream, key, connect, earlyData)
        .thenApply(
            o ->
                o instanceof UpstreamSession.Opened opened
                    ? new ExitResult.Connected<>(
                        NioExit.of(opened.channel(), ByteBuffer.allocate(0), opened.received()))
                    : new ExitResult.Failed<NioExit>(((UpstreamSession.Failed) o).failure()));
  }

  /** The target as SOCKS carries it: a name stays a name, so no lookup happens here. */
  static SocksAddress toSocks(Host host) {
    if (host instanceof Host.Name n) {
      return SocksAddress.domain(n.name());
    }
    return SocksAddress.of(((Host.Address) host).address());
  }
}
