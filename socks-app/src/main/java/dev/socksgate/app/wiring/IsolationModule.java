package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.port.IsolationPolicy;

/** Tor's isolation semantics; the concrete policy is bound too, for "new identity". */
public final class IsolationModule extends AbstractModule {

  @Provides
  @Singleton
  TorIsolationPolicy torIsolationPolicy() {
    return new TorIsolationPolicy();
  }

  @Provides
  @Singleton
  IsolationPolicy isolationPolicy(TorIsolationPolicy policy) {
    return policy;
  }
}
