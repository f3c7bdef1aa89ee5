package dev.socksgate.app.doctor;

/**
 * The server did something that fails the check (closed, reset, stayed silent, answered wrongly);
 * the message is the FAIL line's reason.
 */
final class Fault extends Exception {

  private static final long serialVersionUID = 1L;

  Fault(String reason) {
    super(reason);
  }

  /** Returns the reason (never absent, unlike {@link #getMessage()} in general). */
  String reason() {
    return String.valueOf(getMessage());
  }
}
