package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.socksgate.app.support.AppProcess;
import dev.socksgate.app.support.EchoOrigin;
import dev.socksgate.app.support.SocksTestClient;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged server stopped by SIGTERM or SIGINT at varied moments of its start-up and of its
 * service: the exit status is 0 every time, the ports it bound are free afterwards, and nothing is
 * logged at error level. The moments are chosen by waiting for log lines, never by time.
 */
class StopCycleIT {

  private static final Pattern BOUND = Pattern.compile("SOCKS listener on /127\\.0\\.0\\.1:(\\d+)");
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** Where in the run the signal is sent: after the first line containing this text. */
  private enum Moment {
    BEFORE_BINDING("starting server"),
    DURING_BINDING("SOCKS listener on"),
    AFTER_BINDING("listening on"),
    SERVING("options:");

    final String line;

    Moment(String line) {
      this.line = line;
    }
  }

  /**
   * Whether this JVM, and so every process it starts, has SIGINT ignored: a run under {@code nohup}
   * or started with {@code &} from a script inherits that, and a JVM keeps an inherited ignore (it
   * does not install its own handler), so the server could never see the INT that is sent.
   */
  private static final boolean INT_IGNORED = ignoredSignals().testBit(2 - 1);

  /** The SigIgn mask of this process (Linux), or none where it cannot be read. */
  private static BigInteger ignoredSignals() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("SigIgn:"))
          .map(l -> new BigInteger(l.substring("SigIgn:".length()).strip(), 16))
          .findFirst()
          .orElse(BigInteger.ZERO);
    } catch (IOException | RuntimeException e) {
      return BigInteger.ZERO;
    }
  }

  @Test
  void everyMomentStopsWithStatusZeroAndFreesThePorts() throws Exception {
    if (INT_IGNORED) {
      System.out.println(
          "StopCycleIT: SIGINT is ignored by this test's parent (SigIgn), as under nohup; the"
              + " server inherits that, so the INT cycles send TERM");
    }
    for (int round = 0; round < 8; round++) { // 8 rounds of 4 moments: 32 cycles
      for (Moment m : Moment.values()) {
        String signal = (round + m.ordinal()) % 2 == 0 || INT_IGNORED ? "TERM" : "INT";
        boolean twice = round % 3 == 2;
        cycle(m, signal, twice);
      }
    }
  }

  @Test
  void aStopDuringARelayLetsItFinish() throws Exception {
    try (EchoOrigin origin = EchoOrigin.start();
        AppProcess app = AppProcess.start(1, "--socks-port", "127.0.0.1:0")) {
      SocksTestClient c =
          SocksTestClient.connect(new InetSocketAddress(LOOPBACK, app.port())).noAuth();
      assertEquals(
          Socks5ReplyCode.SUCCEEDED,
          c.request(Socks5Command.CONNECT, SocksAddress.of(LOOPBACK), origin.port()).rep());
      roundTrip(c, "before the signal");
      app.signal("TERM");
      app.awaitLine("letting relays finish");
      roundTrip(c, "while draining"); // the relay still carries bytes both ways
      app.signal("TERM"); // a second signal changes nothing
      roundTrip(c, "after a second signal");
      c.close(); // the relay ends, so the drain ends before its 10 s
      assertEquals(0, app.awaitExit(), app.log());
      app.awaitLine("stopped");
      assertFree(app.port());
    }
  }

  private static void cycle(Moment m, String signal, boolean twice) throws Exception {
    try (AppProcess app =
        AppProcess.spawn(
            "--log-level",
            "debug",
            "--socks-port",
            "127.0.0.1:0",
            "--socks-port",
            "127.0.0.1:0",
            "--socks-port",
            "127.0.0.1:0")) {
      app.awaitLine(m.line);
      app.signal(signal);
      if (twice) {
        app.signal(signal);
      }
      String what = m + " SIG" + signal + (twice ? " twice" : "");
      assertEquals(0, app.awaitExit(), what + "; log:\n" + app.log());
      String log = app.log();
      assertFalse(log.contains("[error]") || log.contains("Exception"), what + "; log:\n" + log);
      for (int port : boundPorts(log)) {
        assertFree(port);
      }
    }
  }

  private static void roundTrip(SocksTestClient c, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    c.send(bytes);
    assertArrayEquals(bytes, c.readExactly(bytes.length), text);
  }

  private static List<Integer> boundPorts(String log) {
    List<Integer> ports = new ArrayList<>();
    Matcher matcher = BOUND.matcher(log);
    while (matcher.find()) {
      ports.add(Integer.parseInt(matcher.group(1)));
    }
    return ports;
  }

  private static void assertFree(int port) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true); // Linux still refuses a port something listens on
      s.bind(new InetSocketAddress(LOOPBACK, port)); // throws if anything still listens there
    }
  }
}
