package dev.socksgate.transport.nio.internal;

import java.util.Objects;

/**
 * One entry of a {@link DeadlineQueue}: an action and the time it is due. An owner keeps one
 * instance per timer it needs and reschedules it, so that a connection costs at most one heap entry
 * and no allocation per timeout. Confined to the loop thread of its queue.
 */
final class Deadline {

  private final Runnable action;
  long dueNanos;
  int index = -1;

  /** Creates an unscheduled deadline that runs {@code action} when it expires. */
  public Deadline(Runnable action) {
    this.action = Objects.requireNonNull(action, "action");
  }

  /** Returns true while the deadline is in a queue. */
  public boolean isScheduled() {
    return index >= 0;
  }

  void run() {
    action.run();
  }
}
