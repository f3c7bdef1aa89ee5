package dev.socksgate.app.doctor;

import com.google.inject.Injector;
import dev.socksgate.app.cli.CliParser;
import dev.socksgate.app.cli.Invocation;
import dev.socksgate.app.cli.UsageException;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.wiring.Injectors;
import dev.socksgate.app.wiring.Lifecycle;
import dev.socksgate.app.wiring.ServerModules;
import dev.socksgate.transport.nio.NioSocksServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The production server, wired as {@code Main} wires it, on 127.0.0.1 port 0, in this JVM. */
final class InProcessServer implements AutoCloseable {

  private final Lifecycle lifecycle;
  private final InetSocketAddress address;

  private InProcessServer(Lifecycle lifecycle, InetSocketAddress address) {
    this.lifecycle = lifecycle;
    this.address = address;
  }

  /** Starts it with these options besides the listener. */
  static InProcessServer start(String... options) throws UsageException, IOException {
    List<String> args =
        new ArrayList<>(List.of("--socks-port", "127.0.0.1:0", "--log-level", "warn"));
    args.addAll(List.of(options));
    AppConfig config =
        ((Invocation.Run)
                new CliParser(
                        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                    .parse(args.toArray(new String[0])))
            .config();
    Injector injector = Injectors.create(ServerModules.production(config));
    Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    return new InProcessServer(
        lifecycle, injector.getInstance(NioSocksServer.class).boundAddresses().get(0));
  }

  InetSocketAddress address() {
    return address;
  }

  /** Its address, for {@code --proxy}. */
  String proxy() {
    return "127.0.0.1:" + address.getPort();
  }

  @Override
  public void close() {
    lifecycle.stop(Duration.ofSeconds(5));
  }
}
