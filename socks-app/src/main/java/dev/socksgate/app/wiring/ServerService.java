package dev.socksgate.app.wiring;

import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.config.SocksPortSpec;
import dev.socksgate.app.metrics.Readiness;
import dev.socksgate.core.model.ListenerProtocols;
import dev.socksgate.transport.nio.NioSocksServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the server and logs what it bound; stops it with a drain deadline. */
final class ServerService implements Lifecycle.Service {

  private static final Logger LOG = LoggerFactory.getLogger("socksgate");

  private final NioSocksServer server;
  private final AppConfig config;
  private final Readiness readiness;
  private volatile boolean started;

  ServerService(NioSocksServer server, AppConfig config, Readiness readiness) {
    this.server = server;
    this.config = config;
    this.readiness = readiness;
  }

  @Override
  public void start() throws IOException {
    server.start();
    started = true;
    List<InetSocketAddress> bound = server.boundAddresses();
    for (int i = 0; i < bound.size(); i++) {
      SocksPortSpec spec = config.listeners().get(i);
      InetSocketAddress a = bound.get(i);
      String host = a.getAddress().getHostAddress();
      LOG.info(
          "listening on {}:{} ({})",
          host.contains(":") ? "[" + host + "]" : host,
          a.getPort(),
          describe(spec));
      if (!a.getAddress().isLoopbackAddress() && config.authFile().isEmpty()) {
        LOG.warn(
            "{} is reachable beyond this host and no --auth-file is set: anyone who can "
                + "reach it can use this proxy",
            a);
      }
    }
    LOG.info(
        "exit: {}",
        config
            .upstream()
            .map(
                u ->
                    "through the SOCKS5 upstream "
                        + u.getAddress().getHostAddress()
                        + ":"
                        + u.getPort())
            .orElse(
                config.exitBind().isEmpty()
                    ? "direct"
                    : "direct, from " + config.exitBind().size() + " source addresses"));
    LOG.info(
        "options: loops={} max-connections={} socks-timeout={}s connect-timeout={}s "
            + "idle-timeout={} buffer-size={} bulk-buffer-size={} safe-socks={} test-socks={} "
            + "safe-logging={} auth={} reject-internal-addresses={}",
        config.loops(),
        config.maxConnections(),
        config.socksTimeout().toSeconds(),
        config.connectTimeout().toSeconds(),
        config.idleTimeout().isZero() ? "off" : config.idleTimeout().toSeconds() + "s",
        config.bufferSize(),
        config.bulkBufferSize(),
        config.safeSocks(),
        config.testSocks(),
        config.safeLogging(),
        config.authFile().isPresent() ? "required" : "off",
        config.rejectInternalAddresses());
    readiness.ready(); // every listener is bound
  }

  @Override
  public void stop(Duration drain) {
    readiness.draining();
    if (!started) {
      server.stop(Duration.ZERO); // releases the event loops' resources; nothing was bound
      return;
    }
    LOG.info("stopping: closing listeners, letting relays finish for up to {}s", drain.toSeconds());
    server.stop(drain);
    LOG.info("stopped");
  }

  @Override
  public String name() {
    return "server";
  }

  static String describe(SocksPortSpec s) {
    StringBuilder b = new StringBuilder();
    flag(b, s.isolation().isolateClientAddr(), "IsolateClientAddr");
    flag(b, s.isolation().isolateSocksAuth(), "IsolateSOCKSAuth");
    flag(b, s.isolation().isolateClientProtocol(), "IsolateClientProtocol");
    flag(b, s.isolation().isolateDestPort(), "IsolateDestPort");
    flag(b, s.isolation().isolateDestAddr(), "IsolateDestAddr");
    flag(b, s.preferNoAuth(), "PreferSOCKSNoAuth");
    flag(b, s.extendedErrors(), "ExtendedErrors");
    flag(b, s.protocols() == ListenerProtocols.SOCKS_AND_HTTP, "HTTPTunnel");
    if (s.protocols() == ListenerProtocols.HTTP) {
      b.insert(0, "HTTP CONNECT only, ");
    }
    b.append(
        s.sessionGroup().isPresent()
            ? "SessionGroup=" + s.sessionGroup().getAsInt()
            : "own SessionGroup");
    return b.toString();
  }

  private static void flag(StringBuilder b, boolean on, String name) {
    if (on) {
      b.append(name).append(' ');
    }
  }
}
