package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.transport.nio.JdkResolver;

/** Names resolved by the JDK (the system resolver), on a small bounded pool of daemon threads. */
public final class JdkResolverModule extends AbstractModule {

  /** Lookups running at once. */
  static final int THREADS = 8;

  /** Lookups waiting at most; beyond it a lookup fails at once (RESOLVE: 05 04, CONNECT: 04). */
  static final int QUEUE = 1024;

  @Provides
  @Singleton
  Resolver resolver() {
    return new JdkResolver(THREADS, QUEUE);
  }
}
