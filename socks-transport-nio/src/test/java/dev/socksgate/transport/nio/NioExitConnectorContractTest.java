package dev.socksgate.transport.nio;

import dev.socksgate.core.contract.ExitConnectorContract;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.Target;
import dev.socksgate.core.port.ExitConnector;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The direct exit connector passes the core's exit connector contract, called from a test thread
 * (so it picks a loop itself), against loopback targets.
 */
class NioExitConnectorContractTest extends ExitConnectorContract<NioExit> {

  private NioTransport transport;
  private JdkResolver resolver;
  private BlockingOrigin target;
  private final Map<Integer, Socket> accepted = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    transport = new NioTransport(1);
    transport.start();
    resolver = new FakeNames().resolver();
    target = new BlockingOrigin(FakeNames.v4());
  }

  @AfterEach
  void stop() throws IOException {
    transport.close();
    resolver.close();
    target.close();
    for (Socket s : accepted.values()) {
      s.close();
    }
  }

  @Override
  protected ExitConnector<NioExit> connector() {
    return new NioExitConnector(transport, resolver, java.time.Duration.ofSeconds(5));
  }

  @Override
  protected Target reachableTarget() {
    return new Target(new Host.Address(FakeNames.v4()), target.port());
  }

  @Override
  protected Target refusingTarget() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, FakeNames.v4())) {
      port = s.getLocalPort(); // closed again: connects to it are refused
    }
    return new Target(new Host.Address(FakeNames.v4()), port);
  }

  @Override
  protected byte[] receivedByTarget(NioExit exit, int length) throws IOException {
    Socket s = target.accept();
    accepted.put(s.getPort(), s);
    return s.getInputStream().readNBytes(length);
  }

  @Override
  protected void close(NioExit exit) {
    exit.close();
  }
}
