package dev.socksgate.app.doctor;

import dev.socksgate.core.model.Credentials;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code socksgate doctor} checks and how long it waits.
 *
 * @param proxy the SOCKS server under test (an address of this machine)
 * @param login RFC 1929 credentials, if the server needs or takes them
 * @param timeout the most each check may take (connects and reads included)
 */
public record DoctorOptions(
    InetSocketAddress proxy, Optional<Credentials.UsernamePassword> login, Duration timeout) {

  /** The longest timeout: an hour, so that the deadline arithmetic cannot overflow. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** Validates the fields. */
  public DoctorOptions {
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.toMillis() < 1 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("--timeout must be from 1 ms to 1 h: " + timeout);
    }
  }
}
