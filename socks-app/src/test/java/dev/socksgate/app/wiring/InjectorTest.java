package dev.socksgate.app.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.socksgate.app.cli.CliParser;
import dev.socksgate.app.cli.Invocation;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.IsolationPolicy;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.core.session.StreamService;
import dev.socksgate.transport.nio.JdkResolver;
import dev.socksgate.transport.nio.NioExit;
import dev.socksgate.transport.nio.NioExitConnector;
import dev.socksgate.transport.nio.NioServerConfig;
import dev.socksgate.transport.nio.NioSocksServer;
import dev.socksgate.transport.nio.NioTransport;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The production module set builds in the production stage, with nothing bound or started. */
class InjectorTest {

  private static AppConfig config(String... args) throws Exception {
    return ((Invocation.Run)
            new CliParser(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .parse(args))
        .config();
  }

  @Test
  void productionModules_buildEveryBinding_withoutSideEffects() throws Exception {
    Injector injector = Injectors.create(ServerModules.production(config()));
    assertTrue(injector.getInstance(Resolver.class) instanceof JdkResolver);
    assertTrue(
        injector.getInstance(new Key<ExitConnector<NioExit>>() {}) instanceof NioExitConnector);
    assertNotNull(injector.getInstance(Key.get(new TypeLiteral<StreamService<NioExit>>() {})));
    assertSame(
        injector.getInstance(IsolationPolicy.class),
        injector.getInstance(dev.socksgate.core.isolation.TorIsolationPolicy.class));
    assertSame(injector.getInstance(NioTransport.class), injector.getInstance(NioTransport.class));
    assertTrue(!injector.getInstance(NioTransport.class).isRunning(), "nothing started");
    assertEquals(0, injector.getInstance(NioSocksServer.class).connectionCount());
    assertNotNull(injector.getInstance(Lifecycle.class));
  }

  @Test
  void transportSettings_comeFromTheOptions() throws Exception {
    NioServerConfig c =
        Injectors.create(
                ServerModules.production(
                    config(
                        "--buffer-size",
                        "8192",
                        "--bulk-buffer-size",
                        "0",
                        "--max-connections",
                        "9",
                        "--socks-timeout",
                        "7 s")))
            .getInstance(NioServerConfig.class);
    assertEquals(8192, c.bufferSize());
    assertEquals(0, c.bulkBufferSize());
    assertEquals(9, c.maxConnections());
    assertEquals(java.time.Duration.ofSeconds(7), c.socksTimeout());
    NioServerConfig defaults =
        Injectors.create(ServerModules.production(config())).getInstance(NioServerConfig.class);
    assertEquals(NioServerConfig.DEFAULT_BULK_BUFFER_SIZE, defaults.bulkBufferSize());
  }
}
