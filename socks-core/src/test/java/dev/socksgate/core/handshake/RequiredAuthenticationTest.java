package dev.socksgate.core.handshake;

import static dev.socksgate.core.handshake.Transcript.scenario;
import static dev.socksgate.core.testing.Requests.name;

import dev.socksgate.core.handshake.HandshakeError.Kind;
import dev.socksgate.core.model.IsolationFlags;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.testing.Requests;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code HandshakeOptions(requireAuthentication=true, ...)}: only method 02 is selected, and every
 * RFC 1929 message goes through {@link HandshakeStep.Verify} and {@code verdict}. A deliberate
 * extension of Tor, which accepts every credential (reference §5).
 */
class RequiredAuthenticationTest {

  private static final HandshakeOptions REQUIRED = new HandshakeOptions(true, false);

  private static Transcript.Builder required(String name) {
    return scenario(name)
        .options(REQUIRED)
        .authenticator(
            c ->
                Arrays.equals(
                    c.password(), "right".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  @TestFactory
  Stream<DynamicNode> verdicts() {
    return TranscriptRunner.tests(
        List.of(
            required("clientWithout02_05ff")
                .send("05 01 00")
                .expect("05 ff")
                .failed(Kind.NO_ACCEPTABLE_METHOD),
            required("clientOffersBoth_preferNoAuthListener_still02")
                .client(
                    Requests.client(
                        "127.0.0.1",
                        ListenerSettings.of(
                            IsolationFlags.TOR_DEFAULTS, Requests.GROUP, true, false)))
                .send("05 02 00 02")
                .expect("05 02")
                .needMore(),
            required("accepted_01_00_thenRequest")
                .send("05 02 00 02")
                .expect("05 02")
                .send("01 05 'alice' 05 'right'")
                .expect("01 00")
                .send("05 01 00 03 0b 'example.com' 01bb")
                .done(
                    Requests.connect(name("example.com"), 443)
                        .credentials(Requests.userPass("alice", "right"))
                        .build()),
            required("refused_01_01_authFailed")
                .send("05 01 02")
                .expect("05 02")
                .send("01 05 'alice' 05 'wrong'")
                .expect("01 01")
                .trailing("05 01 00 03 0b 'example.com' 01bb")
                .failed(Kind.AUTH_FAILED),
            required("socks4_cannotAuthenticate_5b")
                .send("04 01 0050 7f000001 'alice' 00")
                .expect("00 5b 0000 00000000")
                .failed(Kind.NO_ACCEPTABLE_METHOD),
            required("socks4a_cannotAuthenticate_5b")
                .send("04 01 0050 00000001 00 'example.com' 00")
                .expect("00 5b 0000 00000000")
                .failed(Kind.NO_ACCEPTABLE_METHOD)));
  }
}
