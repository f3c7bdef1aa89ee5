package dev.socksgate.app.auth;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts password attempts by outcome (for {@code socksgate_auth_total}) and passes every event on
 * to the next {@link AuthEvents} (the rate-limited log lines). Counting is a {@link LongAdder}
 * increment: no lock, safe from the verification threads and the event loops at once.
 */
public final class AuthCounts implements AuthEvents {

  private final AuthEvents next;
  private final LongAdder accepted = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder throttled = new LongAdder();

  /** Counts, then reports to {@code next}. */
  public AuthCounts(AuthEvents next) {
    this.next = next;
  }

  @Override
  public void attempt(Outcome outcome) {
    adder(outcome).increment();
    next.attempt(outcome);
  }

  @Override
  public void backedOff(long delayNanos) {
    next.backedOff(delayNanos);
  }

  /** Attempts that ended with {@code outcome} so far. Any thread. */
  public long count(Outcome outcome) {
    return adder(outcome).sum();
  }

  private LongAdder adder(Outcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> accepted;
      case REFUSED -> refused;
      case THROTTLED -> throttled;
    };
  }
}
