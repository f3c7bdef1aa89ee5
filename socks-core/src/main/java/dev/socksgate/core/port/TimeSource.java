package dev.socksgate.core.port;

/** The core's only clock: a monotonic nanosecond counter, such as {@link System#nanoTime()}. */
@FunctionalInterface
public interface TimeSource {

  /** Returns the current value of a monotonic clock, in nanoseconds. */
  long nanoTime();
}
