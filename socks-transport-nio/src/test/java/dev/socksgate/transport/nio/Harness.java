package dev.socksgate.transport.nio;

import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.policy.TorDestinationPolicy;
import dev.socksgate.core.port.ExitConnector;
import dev.socksgate.core.port.Resolver;
import dev.socksgate.core.session.StreamService;
import dev.socksgate.transport.nio.internal.ChannelIo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A running server for one test class: transport → resolver → exit connector → use case → server,
 * the order the app builds them in, with listeners on 127.0.0.1 and ::1 (port 0).
 */
final class Harness implements AutoCloseable {

  final FakeNames names = new FakeNames();
  final EventLog events = new EventLog();
  final NioTransport transport;
  final NioSocksServer server;
  final TorIsolationPolicy isolation = new TorIsolationPolicy();

  /** The clock that ages handshakes for shedding: frozen unless a test advances it. */
  final AtomicLong clock = new AtomicLong();

  private final JdkResolver jdkResolver;

  private Harness(Options o) throws IOException {
    names
        .name("origin.test", FakeNames.v4())
        .name("origin6.test", FakeNames.v6())
        .ptr(FakeNames.v4(), "origin.test");
    jdkResolver = names.resolver();
    transport = new NioTransport(o.loops);
    Resolver resolver =
        o.resolverFactory != null
            ? o.resolverFactory.apply(transport)
            : o.resolver != null ? o.resolver : jdkResolver;
    ExitConnector<NioExit> exits =
        o.exits != null
            ? o.exits.apply(transport, resolver)
            : new NioExitConnector(transport, resolver, o.connectTimeout);
    StreamService<NioExit> service =
        new StreamService<>(
            resolver, exits, isolation, new TorDestinationPolicy(false, false, o.allowOnion));
    NioServerConfig.Builder b =
        NioServerConfig.builder()
            .listener(new InetSocketAddress(FakeNames.v4(), 0), ListenerSettings.torDefaults(1))
            .listener(new InetSocketAddress(FakeNames.v6(), 0), ListenerSettings.torDefaults(2))
            .closeLinger(Duration.ofSeconds(1))
            .events(events);
    o.config.accept(b);
    server = new NioSocksServer(transport, service, b.build());
    server.nanoClock(clock::get);
    if (o.ioLimit > 0) {
      server.channelIo(ChannelIo.atMost(o.ioLimit));
    }
    server.start();
  }

  static Options options() {
    return new Options();
  }

  static Harness start() throws IOException {
    return options().start();
  }

  /** Moves the shedding clock forward by {@code d}. */
  void advance(Duration d) {
    clock.addAndGet(d.toNanos());
  }

  InetSocketAddress v4() {
    return server.boundAddresses().get(0);
  }

  InetSocketAddress v6() {
    return server.boundAddresses().get(1);
  }

  @Override
  public void close() {
    server.stop(Duration.ZERO);
    jdkResolver.close();
  }

  /** What a test may change. */
  static final class Options {
    int loops = 2;
    int ioLimit;
    Duration connectTimeout = Duration.ofSeconds(5);
    Resolver resolver;
    Function<NioTransport, Resolver> resolverFactory;
    boolean allowOnion;
    BiFunction<NioTransport, Resolver, ExitConnector<NioExit>> exits;
    Consumer<NioServerConfig.Builder> config = b -> {};

    Options loops(int n) {
      loops = n;
      return this;
    }

    Options ioLimit(int bytes) {
      ioLimit = bytes;
      return this;
    }

    Options connectTimeout(Duration d) {
      connectTimeout = d;
      return this;
    }

    Options resolver(Resolver r) {
      resolver = r;
      return this;
    }

    Options resolverFactory(Function<NioTransport, Resolver> f) {
      resolverFactory = f;
      return this;
    }

    Options allowOnion(boolean allow) {
      allowOnion = allow;
      return this;
    }

    Options exits(BiFunction<NioTransport, Resolver, ExitConnector<NioExit>> f) {
      exits = f;
      return this;
    }

    Options config(Consumer<NioServerConfig.Builder> c) {
      config = c;
      return this;
    }

    Harness start() throws IOException {
      return new Harness(this);
    }
  }
}
