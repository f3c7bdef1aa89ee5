package dev.socksgate.app.wiring;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in order after the injector is built, and stops the started ones in reverse
 * order. A start failure stops what had started, then rethrows. Thread-safe: start and stop may be
 * called from different threads (main and a signal handler).
 */
public final class Lifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  /** Something with a start and a stop. */
  public interface Service {
    /** Starts; may bind ports and spawn threads. */
    void start() throws IOException;

    /** Stops within {@code drain}, then releases everything. Never throws. */
    void stop(Duration drain);

    /** A short name for logs. */
    String name();
  }

  private final List<Service> services;
  private final Deque<Service> started = new ArrayDeque<>();

  /** Creates a lifecycle over these services, started in list order. */
  public Lifecycle(List<Service> services) {
    this.services = List.copyOf(services);
  }

  /**
   * Starts every service in order.
   *
   * @throws IOException from the first service that fails, after stopping the others
   */
  public synchronized void start() throws IOException {
    for (Service s : services) {
      try {
        s.start();
        started.push(s);
      } catch (IOException | RuntimeException e) {
        stop(Duration.ZERO);
        throw e;
      }
    }
  }

  /** Stops every started service in reverse order, each within {@code drain}. */
  public synchronized void stop(Duration drain) {
    while (!started.isEmpty()) {
      Service s = started.pop();
      try {
        s.stop(drain);
      } catch (RuntimeException e) {
        LOG.warn("stopping {} failed: {}", s.name(), e.toString());
      }
    }
  }
}
