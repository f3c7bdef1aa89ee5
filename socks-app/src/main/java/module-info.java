import org.jspecify.annotations.NullMarked;

/**
 * The runnable SocksGate server: the command line, Guice wiring of the core's ports to the NIO
 * transport's adapters, SafeLogging over SLF4J (Log4j 2 at run time), and the lifecycle that binds
 * listeners after the injector exists and drains them on SIGTERM/SIGINT.
 *
 * <p>Guice is confined to this module. Only {@code dev.socksgate.app.wiring} is opened, and only to
 * Guice.
 *
 * <p>{@code @NullMarked}: a value that may be absent is an {@code Optional}, or a field marked
 * {@code @Nullable} until it is set; NullAway checks this when the module compiles.
 */
@NullMarked
module dev.socksgate.app {
  requires static org.jspecify;
  requires dev.socksgate.transport.nio;
  requires com.google.guice;
  requires com.google.common; // Guava 33 is an explicit module: nothing else resolves it
  requires jakarta.inject; // likewise for Guice's jakarta.inject (Guice is an automatic module)
  requires org.slf4j;
  // Metrics (issue 14): the Prometheus Java client 1.x, automatic modules without dependencies
  // beyond their own family.
  requires io.prometheus.metrics.model;
  requires io.prometheus.metrics.core;
  requires io.prometheus.writer.text;
  requires io.prometheus.metrics.instrumentation.jvm;
  requires org.apache.logging.log4j; // LogStartup: the level from the options
  requires org.apache.logging.log4j.core;
  requires jdk.unsupported; // StopSignals: sun.misc.Signal, for exit status 0 on SIGTERM

  opens dev.socksgate.app.wiring to
      com.google.guice;
}
