package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.session.StreamOutcome;
import dev.socksgate.transport.nio.NioExit;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the use case to open a complete request and hands the outcome back to the connection's loop
 * as one value. The use case's stage never completes exceptionally (its contract); if it does
 * anyway, or {@code open} throws, the outcome is a refusal with the GENERAL failure reply. If the
 * loop has stopped, the exit of a relay outcome is closed here; an outcome that reaches a
 * connection no longer waiting for it is its to {@link #discard}.
 */
final class StreamOpening {

  private static final Logger LOG = LoggerFactory.getLogger(StreamOpening.class);

  private StreamOpening() {}

  static void start(
      ServerContext ctx,
      StreamRequest request,
      ByteBuffer earlyData,
      EventLoop loop,
      Consumer<StreamOutcome<NioExit>> onOutcome) {
    CompletionStage<StreamOutcome<NioExit>> stage;
    try {
      stage = ctx.service().open(request, earlyData);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (outcome, error) -> {
          StreamOutcome<NioExit> o =
              error == null && outcome != null ? outcome : unexpected(ctx, request, error);
          if (!loop.tryExecute(() -> onOutcome.accept(o))) {
            discard(o);
          }
        });
  }

  /** Closes the exit of a relay outcome that nobody will use. */
  static void discard(StreamOutcome<NioExit> outcome) {
    if (outcome instanceof StreamOutcome.Relay<NioExit> r) {
      r.exit().close();
    }
  }

  // From whenComplete, which passes null for the error of a normal completion.
  private static StreamOutcome<NioExit> unexpected(
      ServerContext ctx, StreamRequest request, @Nullable Throwable error) {
    LOG.debug("use case failed unexpectedly", error);
    return new StreamOutcome.Refused<>(
        StreamFailure.GENERAL, ctx.service().failureReply(request, StreamFailure.GENERAL));
  }
}
