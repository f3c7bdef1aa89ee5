package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.app.auth.AuthCounts;
import dev.socksgate.app.auth.AuthEvents;
import dev.socksgate.app.auth.AuthFile;
import dev.socksgate.app.auth.FileAuthenticator;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.logging.LogThrottle;
import dev.socksgate.app.logging.LoggingAuthEvents;
import dev.socksgate.core.port.Authenticator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * RFC 1929 verification for {@code --auth-file}; absent without one (every credential accepted, as
 * in Tor).
 */
public final class AuthModule extends AbstractModule {

  /** Threads that run PBKDF2 verifications. */
  static final int VERIFIER_THREADS = 2;

  /**
   * At most one line a minute about refused or slowed-down password attempts, as for the other
   * refusals a flood can cause; each line says how many it stands for.
   */
  static final long AUTH_LOG_INTERVAL_NANOS = 60_000_000_000L;

  /** Counts for {@code socksgate_auth_total}, in front of the log lines. */
  @Provides
  @Singleton
  AuthCounts authCounts() {
    return new AuthCounts(
        new LoggingAuthEvents(
            new LogThrottle(System::nanoTime, AUTH_LOG_INTERVAL_NANOS),
            new LogThrottle(System::nanoTime, AUTH_LOG_INTERVAL_NANOS)));
  }

  @Provides
  @Singleton
  AuthEvents authEvents(AuthCounts counts) {
    return counts;
  }

  @Provides
  @Singleton
  Optional<FileAuthenticator> fileAuthenticator(AppConfig config, AuthEvents events) {
    if (config.authFile().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new FileAuthenticator(
              AuthFile.read(config.authFile().get()), VERIFIER_THREADS, System::nanoTime, events));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read --auth-file " + config.authFile().get() + ": " + e.getMessage(), e);
    }
  }

  @Provides
  @Singleton
  Optional<Authenticator> authenticator(Optional<FileAuthenticator> file) {
    return file.map(a -> a);
  }
}
