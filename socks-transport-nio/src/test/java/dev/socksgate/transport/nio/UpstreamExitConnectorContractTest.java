package dev.socksgate.transport.nio;

import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.contract.ExitConnectorContract;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.Target;
import dev.socksgate.core.port.ExitConnector;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The upstream exit connector passes the core's exit connector contract: through a recording SOCKS5
 * upstream to a loopback target; a target the upstream refuses with REP 05 is CONNECTION_REFUSED.
 */
class UpstreamExitConnectorContractTest extends ExitConnectorContract<NioExit> {

  private NioTransport transport;
  private RecordingUpstream upstream;
  private BlockingOrigin target;
  private final Map<Integer, Socket> accepted = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    transport = new NioTransport(1);
    transport.start();
    upstream = new RecordingUpstream();
    target = new BlockingOrigin(FakeNames.v4());
    upstream.refusals.put(1, Socks5ReplyCode.CONNECTION_REFUSED);
  }

  @AfterEach
  void stop() throws IOException {
    transport.close();
    upstream.close();
    target.close();
    for (Socket s : accepted.values()) {
      s.close();
    }
  }

  @Override
  protected ExitConnector<NioExit> connector() {
    return new UpstreamExitConnector(
        transport,
        new Upstream(upstream.address(), UpstreamCredentials.random(), Duration.ofSeconds(5)));
  }

  @Override
  protected Target reachableTarget() {
    return new Target(new Host.Address(FakeNames.v4()), target.port());
  }

  @Override
  protected Target refusingTarget() {
    return new Target(new Host.Address(FakeNames.v4()), 1);
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
