package dev.socksgate.app.doctor;

import java.io.IOException;
import java.util.Objects;

/**
 * One line of the doctor's report.
 *
 * @param id a short stable name, such as {@code socks5.ipv4}
 * @param body what it does
 */
record Check(String id, Body body) {

  /** What a check does, within one {@link Probe}'s deadline. */
  @FunctionalInterface
  interface Body {
    /**
     * Runs the check.
     *
     * @throws Fault when the server fails it
     * @throws IOException when a socket fails in a way {@link Conn} did not name
     * @throws InterruptedException if the doctor is interrupted
     */
    Outcome run(Probe probe) throws Fault, IOException, InterruptedException;
  }

  /** Validates the fields. */
  Check {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(body, "body");
  }
}
