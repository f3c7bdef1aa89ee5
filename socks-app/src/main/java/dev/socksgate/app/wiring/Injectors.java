package dev.socksgate.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that creates injectors, hardened as Airlift does: production stage (singletons
 * built eagerly, so wiring errors surface at start-up), explicit bindings only, exact binding
 * annotations, no circular proxies, and {@code @Inject} required on constructors.
 */
public final class Injectors {

  private Injectors() {}

  /** Creates a hardened injector over {@code modules}. */
  public static Injector create(List<? extends Module> modules) {
    List<Module> all = new ArrayList<>();
    all.add(
        new AbstractModule() {
          @Override
          protected void configure() {
            binder().requireExplicitBindings();
            binder().requireExactBindingAnnotations();
            binder().disableCircularProxies();
            binder().requireAtInjectOnConstructors();
          }
        });
    all.addAll(modules);
    return Guice.createInjector(Stage.PRODUCTION, all);
  }
}
