package dev.socksgate.app.auth;

/**
 * What happens to password attempts, for metrics ({@code socksgate_auth_total{outcome}}) and
 * rate-limited logs. Carries no address and no credential, so that nothing here can leak them.
 * Called on the verification threads and on event-loop threads; implementations must be quick and
 * thread-safe.
 */
public interface AuthEvents {

  /** How one attempt ended; every attempt ends exactly one way. */
  enum Outcome {
    /** The right password (verified now, or remembered). */
    ACCEPTED,
    /** Verified and wrong, or an unknown user. */
    REFUSED,
    /**
     * Refused without checking the password: its address already had the most attempts pending, or
     * the queue of all addresses was full.
     */
    THROTTLED
  }

  /** Does nothing. */
  AuthEvents NONE = outcome -> {};

  /** Reports how one attempt ended. */
  void attempt(Outcome outcome);

  /**
   * Reports that a wrong password made its address wait {@code delayNanos} before its next attempt
   * runs (it has had at least {@link FailureBackOff#FREE_FAILURES} failures lately).
   */
  default void backedOff(long delayNanos) {}
}
