package dev.socksgate.app.control;

/** What the control port can do to the running server. */
public interface ControlCommands {

  /** Advances the isolation epoch (Tor's NEWNYM); returns the new epoch. */
  long newIdentity();

  /**
   * Reloads the configuration (Tor's RELOAD, also called HUP); returns false if the files did not
   * parse and nothing changed.
   */
  boolean reload();

  /** Returns the cookie a client must present, and where it is stored. */
  Cookie cookie();
}
