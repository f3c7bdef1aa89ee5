package dev.socksgate.app.doctor;

import java.util.Optional;

/**
 * The writer half of the transfer check: sends the {@link Payload#UP_SEED} stream and half-closes,
 * on its own thread, while the check's thread reads the download. Ends when the stream is sent or
 * when the probe's alarm closes the socket.
 */
final class Upload {

  private final Thread thread;
  private volatile Optional<String> failure = Optional.empty();

  Upload(Conn conn) {
    this.thread =
        new Thread(
            () -> {
              try {
                conn.writePayload(Payload.UP_SEED);
                conn.shutdownOutput();
              } catch (Fault e) {
                failure = Optional.of(e.reason());
              }
            },
            "doctor-upload");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Waits at most {@code millis} for the upload to end. */
  void join(long millis) throws InterruptedException {
    thread.join(millis);
  }

  /** Why the upload broke, if it did. */
  Optional<String> failure() {
    return failure;
  }
}
