package dev.socksgate.core.fakes;

/** The ways a port can misbehave instead of completing normally. */
public enum Breakage {
  /** The method throws before returning a stage. */
  THROWS,
  /** The returned stage completes exceptionally. */
  FAILS_STAGE,
  /** The method returns null instead of a stage. */
  NULL_STAGE,
  /** The returned stage completes normally with null. */
  NULL_RESULT
}
