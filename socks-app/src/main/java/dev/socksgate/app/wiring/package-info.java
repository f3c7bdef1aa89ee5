/**
 * Guice wiring: one module per feature, free of side effects, composed by {@link
 * dev.socksgate.app.wiring.ServerModules}; the injector is hardened in {@link
 * dev.socksgate.app.wiring.Injectors}; binding ports and starting threads happen in {@link
 * dev.socksgate.app.wiring.Lifecycle}, after the injector exists. Opened to Guice only.
 */
package dev.socksgate.app.wiring;
