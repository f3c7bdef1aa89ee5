package dev.socksgate.transport.nio;

import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.transport.nio.internal.EventLoop;
import dev.socksgate.transport.nio.internal.UpstreamSession;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * Opens one session with the upstream proxy for the exit connector and the resolver alike: on the
 * calling loop when called from one, else handed to a loop; a loop whose queue is full fails the
 * session at once.
 */
final class UpstreamSessions {

  private UpstreamSessions() {}

  /** Starts a session asking {@code request} of the upstream, with the key's credentials. */
  static CompletableFuture<UpstreamSession.Outcome> open(
      NioTransport transport,
      Upstream upstream,
      IsolationKey key,
      Socks5Request request,
      ByteBuffer earlyData) {
    CompletableFuture<UpstreamSession.Outcome> session = new CompletableFuture<>();
    EventLoop loop = transport.currentOrNext();
    Runnable start =
        () ->
            UpstreamSession.start(
                loop,
                upstream.address(),
                upstream.credentials().username(),
                upstream.credentials().password(key),
                request,
                earlyData,
                upstream.timeout().toNanos(),
                session);
    if (loop.inEventLoop()) {
      start.run();
    } else if (!loop.tryExecute(start)) {
      session.complete(new UpstreamSession.Failed(StreamFailure.GENERAL));
    }
    return session;
  }
}
