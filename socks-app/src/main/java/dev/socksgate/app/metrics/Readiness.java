package dev.socksgate.app.metrics;

/**
 * Whether the server is ready to serve, for {@code GET /-/ready}: not while it starts (until every
 * listener is bound), ready while it runs, not once it drains for a stop. Thread-safe.
 */
public final class Readiness {

  /** The states, in the order a server goes through them. */
  public enum State {
    /** Listeners not all bound yet. */
    STARTING,
    /** Every listener is bound. */
    READY,
    /** Stopping: listeners closed or closing, relays finishing. */
    DRAINING
  }

  private volatile State state = State.STARTING;

  /** Every listener is bound. */
  public synchronized void ready() {
    if (state == State.STARTING) {
      state = State.READY;
    }
  }

  /** The server stops. Final. */
  public synchronized void draining() {
    state = State.DRAINING;
  }

  /** Returns the state now. */
  public State state() {
    return state;
  }
}
