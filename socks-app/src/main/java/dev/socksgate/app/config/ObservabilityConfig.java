package dev.socksgate.app.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Metrics, health and the access log (issue 14).
 *
 * @param metricsPort where to serve {@code /metrics}, {@code /-/healthy} and {@code /-/ready}, if
 *     anywhere
 * @param accessLog where to write one JSON line per finished stream, if anywhere; {@link #STDOUT}
 *     for standard output
 */
public record ObservabilityConfig(
    Optional<InetSocketAddress> metricsPort, Optional<Path> accessLog) {

  /** The {@code --access-log} value that means standard output. */
  public static final Path STDOUT = Path.of("-");

  /** Nothing on: the default. */
  public static final ObservabilityConfig OFF =
      new ObservabilityConfig(Optional.empty(), Optional.empty());

  /** Validates the fields. */
  public ObservabilityConfig {
    Objects.requireNonNull(metricsPort, "metricsPort");
    Objects.requireNonNull(accessLog, "accessLog");
  }
}
