package dev.socksgate.app.doctor;

/**
 * What the method-selection checks learnt about the server, for the checks whose verdict depends on
 * it (see "What applies" in docs/operations.md). Used by the doctor's thread only.
 */
final class Findings {

  private boolean requiresAuth;
  private boolean takesNoAuth;
  private boolean loginRefused;

  /** Records the server's answer to an offer of method 00 alone. */
  void answeredNoAuthOffer(boolean granted) {
    takesNoAuth = granted;
    requiresAuth = !granted;
  }

  /** True when the server answered {@code FF} to an offer of {@code 00} alone. */
  boolean requiresAuth() {
    return requiresAuth;
  }

  /** True when the server chose {@code 00} when offered {@code 00} alone. */
  boolean takesNoAuth() {
    return takesNoAuth;
  }

  /** Records that the server refused the --user/--pass login (RFC 1929 status not 00). */
  void refusedLogin() {
    loginRefused = true;
  }

  /**
   * True once the server refused the login: later checks would only send the same refused password
   * again, and a server with a failure back-off (SocksGate's, fail2ban's) would then slow every
   * check down to its timeout.
   */
  boolean loginRefused() {
    return loginRefused;
  }
}
