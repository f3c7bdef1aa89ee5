package dev.socksgate.core.session;

import static dev.socksgate.core.session.Outcomes.assertAnswered;
import static dev.socksgate.core.session.Outcomes.now;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.socksgate.core.fakes.FakeExit;
import dev.socksgate.core.fakes.MapResolver;
import dev.socksgate.core.fakes.RecordingExitConnector;
import dev.socksgate.core.handshake.HandshakeOptions;
import dev.socksgate.core.handshake.HandshakeStep;
import dev.socksgate.core.handshake.ServerHandshake;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import dev.socksgate.core.policy.TorDestinationPolicy;
import dev.socksgate.core.testing.Hex;
import dev.socksgate.core.testing.Requests;
import dev.socksgate.core.testing.Vectors;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * One connection's path, as a transport drives it: handshake steps until Done, then the use case
 * with the leftover bytes as early data, then the reply. Every byte the client sees before the
 * relay starts is checked.
 */
class HandshakeToOutcomeTest {

  private final MapResolver resolver =
      new MapResolver().name("example.com", Requests.ip("93.184.216.34"));
  private final RecordingExitConnector exits = new RecordingExitConnector();
  private final StreamService<FakeExit> service =
      new StreamService<>(
          resolver, exits, new TorIsolationPolicy(), TorDestinationPolicy.TOR_DEFAULTS);

  /** Runs the handshake over one buffer, writing every Send to {@code out}. */
  private static HandshakeStep.Done handshake(ByteBuffer in, ByteArrayOutputStream out) {
    ServerHandshake engine =
        new ServerHandshake(Requests.ipv4Client(), HandshakeOptions.TOR_DEFAULTS);
    HandshakeStep step = engine.step(in);
    while (step instanceof HandshakeStep.Send s) {
      out.writeBytes(Hex.remaining(s.bytes()));
      step = engine.step(in);
    }
    return assertInstanceOf(HandshakeStep.Done.class, step);
  }

  @Test
  void socks5Connect_withOptimisticDataInTheSameWrite() {
    ByteBuffer in =
        Hex.buffer(
            "05 02 00 02 01 01 'u' 01 'p' "
                + "05 01 00 03 0b 'example.com' 0050 'GET / HTTP/1.0' 0d0a 0d0a");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HandshakeStep.Done done = handshake(in, out);
    StreamOutcome<FakeExit> o = now(service.open(done.request(), in));
    out.writeBytes(Hex.remaining(o.reply()));
    assertArrayEquals(Hex.bytes("05 02 01 00 " + Vectors.err(0)), out.toByteArray());
    assertArrayEquals(Hex.bytes("'GET / HTTP/1.0' 0d0a 0d0a"), exits.onlyCall().earlyData());
    assertArrayEquals(
        Hex.bytes("'u'"),
        ((dev.socksgate.core.model.Credentials.UsernamePassword)
                exits.onlyCall().request().credentials())
            .username());
  }

  @Test
  void socks4aResolve() {
    ByteBuffer in = Hex.buffer("04 f0 0000 00000001 00 'example.com' 00");
    HandshakeStep.Done done = handshake(in, new ByteArrayOutputStream());
    assertAnswered("00 5a 0000 5db8d822", now(service.open(done.request(), in)));
  }

  @Test
  void socks4ResolveOfAnIp_answeredAtOnce() {
    ByteBuffer in = Hex.buffer("04 f0 0000 7f000001 00");
    HandshakeStep.Done done = handshake(in, new ByteArrayOutputStream());
    assertAnswered("00 5a 0000 7f000001", now(service.open(done.request(), in)));
  }

  @Test
  void socks5ResolveOfBracketedIpv6_answeredAtOnceWithAtyp04() {
    ByteBuffer in = Hex.buffer("05 01 00 05 f0 00 03 0d '[2001:db8::1]' 0000");
    HandshakeStep.Done done = handshake(in, new ByteArrayOutputStream());
    assertAnswered(
        "05 00 00 04 20010db8 00000000 00000000 00000001 0000",
        now(service.open(done.request(), in)));
  }
}
