package dev.socksgate.app.cli;

import dev.socksgate.app.config.ObservabilityConfig;
import dev.socksgate.app.config.SocksPortSpec;
import java.net.InetSocketAddress;

/**
 * The options of metrics, health and the access log (issue 14), listed in {@link
 * ServerOptions#ALL}.
 */
final class ObservabilityOptions {

  static final Option<InetSocketAddress> METRICS_PORT =
      Option.value("metrics-port", "ADDR:PORT", SocksPortSpec::parseAddress)
          .otherwise("off")
          .help(
              "Serve Prometheus metrics (/metrics) and health checks (/-/healthy, /-/ready) on"
                  + " this address.")
          .details(
              "Plain HTTP, no authentication: keep it on loopback or a monitoring network (a"
                  + " non-loopback address logs a warning). See"
                  + " [Observability](operations.md#observability).")
          .build();

  private ObservabilityOptions() {}

  static ObservabilityConfig toConfig(ParsedOptions o) {
    return new ObservabilityConfig(o.find(METRICS_PORT), java.util.Optional.empty());
  }
}
