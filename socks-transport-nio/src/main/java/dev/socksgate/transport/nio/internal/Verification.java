package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.port.Authenticator;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Asks the authenticator about RFC 1929 credentials and hands the verdict back to the connection's
 * loop. No authenticator, a thrown exception or an exceptional completion all count as a refusal
 * (the {@code Authenticator} port's contract). The client's address goes along, so that the
 * authenticator can be fair between clients.
 */
final class Verification {

  private Verification() {}

  static void start(
      ServerContext ctx,
      InetAddress client,
      Credentials.UsernamePassword credentials,
      EventLoop loop,
      Consumer<Boolean> onVerdict) {
    Optional<Authenticator> authenticator = ctx.settings().authenticator();
    CompletionStage<Boolean> stage;
    if (authenticator.isEmpty()) {
      stage = CompletableFuture.completedFuture(false);
    } else {
      try {
        stage = authenticator.get().verify(client, credentials.username(), credentials.password());
      } catch (RuntimeException e) {
        stage = CompletableFuture.failedFuture(e);
      }
    }
    // A refused hand-back means the loop has stopped and closed the connection: nothing to do.
    stage.whenComplete(
        (accepted, error) ->
            loop.tryExecute(
                () -> onVerdict.accept(error == null && Boolean.TRUE.equals(accepted))));
  }
}
