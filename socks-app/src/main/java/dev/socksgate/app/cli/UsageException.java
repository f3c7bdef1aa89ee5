package dev.socksgate.app.cli;

/** Bad options or a bad config file: Main prints the message and the usage, and exits 2. */
public final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message. */
  public UsageException(String message) {
    super(message);
  }
}
