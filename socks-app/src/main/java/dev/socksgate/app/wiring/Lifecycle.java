package dev.socksgate.app.wiring;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in order after the injector is built, and stops them in reverse order. A start
 * failure stops them all, then rethrows. Thread-safe: start and stop may be called from different
 * threads (main and a signal handler); a stop waits for a start under way, and a start after a stop
 * starts nothing.
 */
public final class Lifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  /** Something with a start and a stop. */
  public interface Service {
    /** Starts; may bind ports and spawn threads. */
    void start() throws IOException;

    /**
     * Stops within {@code drain}, then releases everything. Also called on a service that was never
     * started, to release what its constructor made. Never throws.
     */
    void stop(Duration drain);

    /** A short name for logs. */
    String name();
  }

  private final List<Service> services;
  private boolean stopped; // guarded by this

  /** Creates a lifecycle over these services, started in list order. */
  public Lifecycle(List<Service> services) {
    this.services = List.copyOf(services);
  }

  /**
   * Starts every service in order, unless {@link #stop} came first.
   *
   * @return false if the lifecycle was already stopped (nothing was started)
   * @throws IOException from the first service that fails, after stopping the others
   */
  public synchronized boolean start() throws IOException {
    if (stopped) {
      return false;
    }
    for (Service s : services) {
      try {
        LOG.debug("starting {}", s.name());
        s.start();
      } catch (IOException | RuntimeException e) {
        stop(Duration.ZERO);
        throw e;
      }
    }
    return true;
  }

  /**
   * Stops every service in reverse order, each within {@code drain}, whether it was started or not
   * (a service never started releases what its constructor made), and keeps a later {@link #start}
   * from starting anything. Idempotent.
   */
  public synchronized void stop(Duration drain) {
    if (stopped) {
      return;
    }
    stopped = true;
    for (int i = services.size() - 1; i >= 0; i--) {
      Service s = services.get(i);
      try {
        s.stop(drain);
      } catch (RuntimeException e) {
        LOG.warn("stopping {} failed: {}", s.name(), e.toString());
      }
    }
  }
}
