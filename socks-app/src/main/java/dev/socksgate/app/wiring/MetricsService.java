package dev.socksgate.app.wiring;

import dev.socksgate.app.metrics.MetricsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics endpoint as a lifecycle service: started before the server (so that {@code /-/ready}
 * answers 503 while the listeners bind) and stopped after it (503 while it drains).
 */
final class MetricsService implements Lifecycle.Service {

  private static final Logger LOG = LoggerFactory.getLogger("socksgate");

  private final MetricsServer server;

  MetricsService(MetricsServer server) {
    this.server = server;
  }

  /** Returns the endpoint. */
  MetricsServer server() {
    return server;
  }

  @Override
  public void start() throws IOException {
    server.start();
    InetSocketAddress a = server.localAddress();
    String host = a.getAddress().getHostAddress();
    LOG.info(
        "metrics on http://{}:{}/metrics",
        host.contains(":") ? "[" + host + "]" : host,
        a.getPort());
    if (!a.getAddress().isLoopbackAddress()) {
      LOG.warn(
          "{} (--metrics-port) is reachable beyond this host: anyone who can reach it can read"
              + " the metrics",
          a);
    }
  }

  @Override
  public void stop(Duration drain) {
    server.close();
  }

  @Override
  public String name() {
    return "metrics endpoint";
  }
}
