package dev.socksgate.transport.nio.internal;

/** What an event loop finds attached to a selection key. Called on the loop thread only. */
interface Selectable {

  /**
   * The key's channel is ready.
   *
   * @param readyOps the key's ready set; a handler re-checks its own state, since interest may have
   *     changed in this iteration after the selector reported readiness
   */
  void onReady(int readyOps);

  /**
   * The loop or the server is stopping. Must be idempotent: several keys may share one owner.
   *
   * @param graceful true for the first phase of a graceful stop (close what is not relaying); false
   *     to close everything now
   */
  void onStop(boolean graceful);
}
