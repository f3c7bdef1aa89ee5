package dev.socksgate.app.doctor;

import java.util.Objects;

/**
 * A check's result and the reason, one line.
 *
 * @param verdict PASS, FAIL or SKIP
 * @param reason what the server did
 */
record Outcome(Verdict verdict, String reason) {

  /** Validates the fields. */
  Outcome {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
  }

  static Outcome pass(String reason) {
    return new Outcome(Verdict.PASS, reason);
  }

  static Outcome fail(String reason) {
    return new Outcome(Verdict.FAIL, reason);
  }

  static Outcome skip(String reason) {
    return new Outcome(Verdict.SKIP, reason);
  }
}
