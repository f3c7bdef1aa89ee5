package dev.socksgate.app.logging;

import dev.socksgate.app.auth.AuthEvents;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs password attempts refused without a check and addresses slowed down by the failure back-off,
 * each at most once per interval with the count it stands for. The lines name no address at all
 * (not even redacted): a flood of guesses is the operator's business, its source the firewall's,
 * and SafeLogging stays intact. Thread-safe.
 */
public final class LoggingAuthEvents implements AuthEvents {

  private static final Logger LOG = LoggerFactory.getLogger("socksgate.auth");

  private final LogThrottle throttled;
  private final LogThrottle backedOff;

  /**
   * Creates the hook.
   *
   * @param throttled the rate limit for attempts refused without a check
   * @param backedOff the rate limit for back-off lines
   */
  public LoggingAuthEvents(LogThrottle throttled, LogThrottle backedOff) {
    this.throttled = throttled;
    this.backedOff = backedOff;
  }

  @Override
  public void attempt(Outcome outcome) {
    if (outcome != Outcome.THROTTLED) {
      return;
    }
    long n = throttled.record();
    if (n > 0) {
      LOG.warn(
          "refused {} password attempt(s) without checking them since the last report: too many"
              + " pending from one address, or the verification queue full",
          n);
    }
  }

  @Override
  public void backedOff(long delayNanos) {
    long n = backedOff.record();
    if (n > 0) {
      LOG.warn(
          "{} wrong password(s) since the last report came from addresses that keep failing; the"
              + " latest such address waits {} s before its next attempt",
          n,
          TimeUnit.NANOSECONDS.toSeconds(delayNanos));
    }
  }
}
