package dev.socksgate.app.control;

/** What the control port can do to the running server. */
public interface ControlCommands {

  /** Advances the isolation epoch (Tor's NEWNYM); returns the new epoch. */
  long newIdentity();

  /** Returns the cookie a client must present, and where it is stored. */
  Cookie cookie();
}
