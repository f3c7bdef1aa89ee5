package dev.socksgate.app.doctor;

/** How a check ended. */
enum Verdict {
  /** The server did what a client needs. */
  PASS,
  /** It did not, or did not answer in time. */
  FAIL,
  /** The check does not apply to this server or setup; it does not count against it. */
  SKIP
}
