package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.app.auth.AuthFile;
import dev.socksgate.app.auth.FileAuthenticator;
import dev.socksgate.app.config.AppConfig;
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

  @Provides
  @Singleton
  Optional<FileAuthenticator> fileAuthenticator(AppConfig config) {
    if (config.authFile().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new FileAuthenticator(AuthFile.read(config.authFile().get()), VERIFIER_THREADS));
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
