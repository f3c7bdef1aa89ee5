package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.policy.TorDestinationPolicy;
import dev.socksgate.core.session.StreamService;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The public API's lifecycle and the config's validation. */
class ServerLifecycleTest {

  private static StreamService<NioExit> service(NioTransport t, JdkResolver r) {
    return new StreamService<>(
        r,
        new NioExitConnector(t, r, Duration.ofSeconds(1)),
        new TorIsolationPolicy(),
        new TorDestinationPolicy(true, true, false));
  }

  private static NioServerConfig config(InetSocketAddress... binds) {
    NioServerConfig.Builder b = NioServerConfig.builder();
    for (InetSocketAddress a : binds) {
      b.listener(a, ListenerSettings.torDefaults(0));
    }
    return b.build();
  }

  @Test
  void portZero_readBack_thenStopEndsTheLoops() throws IOException {
    NioTransport t = new NioTransport(2);
    try (JdkResolver r = new FakeNames().resolver()) {
      NioSocksServer s =
          new NioSocksServer(
              t,
              service(t, r),
              config(
                  new InetSocketAddress(FakeNames.v4(), 0),
                  new InetSocketAddress(FakeNames.v6(), 0)));
      assertFalse(t.isRunning(), "construction has no side effects");
      s.start();
      assertTrue(t.isRunning());
      assertEquals(2, s.boundAddresses().size());
      assertEquals(FakeNames.v4(), s.boundAddresses().get(0).getAddress());
      assertEquals(FakeNames.v6(), s.boundAddresses().get(1).getAddress());
      assertNotEquals(0, s.boundAddresses().get(0).getPort());
      assertThrows(IllegalStateException.class, s::start);
      s.close();
      s.close(); // idempotent
      assertFalse(t.isRunning());
    }
  }

  @Test
  void oneServerPerTransport() {
    NioTransport t = new NioTransport(1);
    try (JdkResolver r = new FakeNames().resolver()) {
      NioSocksServer first =
          new NioSocksServer(t, service(t, r), config(new InetSocketAddress(FakeNames.v4(), 0)));
      assertThrows(
          IllegalStateException.class,
          () ->
              new NioSocksServer(
                  t, service(t, r), config(new InetSocketAddress(FakeNames.v4(), 0))));
      first.close();
    }
  }

  @Test
  void bindFailure_throws_andClosesWhatWasOpened() throws IOException {
    NioTransport t = new NioTransport(1);
    try (ServerSocket taken = new ServerSocket(0, 1, FakeNames.v4());
        JdkResolver r = new FakeNames().resolver()) {
      NioSocksServer s =
          new NioSocksServer(
              t,
              service(t, r),
              config(
                  new InetSocketAddress(FakeNames.v4(), 0),
                  new InetSocketAddress(FakeNames.v4(), taken.getLocalPort())));
      assertThrows(BindException.class, s::start);
      assertFalse(t.isRunning());
    }
  }

  @Test
  void config_validatesLimits() {
    InetSocketAddress a = new InetSocketAddress(FakeNames.v4(), 0);
    assertThrows(IllegalArgumentException.class, () -> NioServerConfig.builder().build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            NioServerConfig.builder()
                .listener(a, ListenerSettings.torDefaults(0))
                .bufferSize(100)
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            NioServerConfig.builder()
                .listener(a, ListenerSettings.torDefaults(0))
                .socksTimeout(Duration.ZERO)
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            NioServerConfig.builder()
                .listener(a, ListenerSettings.torDefaults(0))
                .handshake(new HandshakeOptions(true, false))
                .build(),
        "password without verifier");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ListenerConfig(
                InetSocketAddress.createUnresolved("localhost", 1080),
                ListenerSettings.torDefaults(0)));
    NioServerConfig defaults =
        NioServerConfig.builder().listener(a, ListenerSettings.torDefaults(0)).build();
    assertEquals(Duration.ofMinutes(2), defaults.socksTimeout());
    assertEquals(Duration.ZERO, defaults.idleTimeout());
    assertEquals(64 * 1024, defaults.bufferSize());
  }
}
