package dev.socksgate.core.port;

import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.StreamRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * Opens outbound streams. Generic in the adapter's stream handle so that an adapter gets its own
 * type back from the core without a cast.
 *
 * @param <E> the adapter's stream handle
 */
public interface ExitConnector<E> {

  /**
   * Opens a stream to {@code request.target()} for the isolation key {@code key}. Streams with
   * different keys must not share whatever the adapter shares (a circuit, an upstream session, an
   * egress address choice).
   *
   * @param request a CONNECT request
   * @param key the stream's isolation key
   * @param earlyData optimistic data the client sent after its request (Tor socks-extensions §5),
   *     possibly empty. The connector takes ownership; it must deliver these bytes first, once the
   *     stream is open, and drop them if it fails.
   * @return the open stream or a typed failure. Exceptional completion counts as {@link
   *     dev.socksgate.core.model.StreamFailure#GENERAL}.
   */
  CompletionStage<ExitResult<E>> connect(
      StreamRequest request, IsolationKey key, ByteBuffer earlyData);
}
