package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.socksgate.codec.v4.Socks4Command;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * CONNECT end to end, over real loopback sockets, to an in-test echo origin: every protocol
 * (SOCKS4, SOCKS4a, SOCKS5 by address and by name), both client families (127.0.0.1 and ::1), and
 * every way of feeding the server: lockstep (wait for each reply), one write carrying greeting,
 * request and payload (optimistic data), and that same stream cut in chunks of 1, 3, 7 and 64
 * bytes. Everything runs twice: once with plain I/O and once with the server's reads and writes
 * capped at 3 bytes per call, which forces partial reads and partial writes in every phase.
 */
class ConnectE2ETest {

  private static final int[] CHUNKS = {0, 1, 3, 7, 64};

  enum Proto {
    SOCKS4,
    SOCKS4A,
    SOCKS5_IP,
    SOCKS5_NAME
  }

  private static Harness plain;
  private static Harness chunked;
  private static EchoOrigin echo4;
  private static EchoOrigin echo6;

  @BeforeAll
  static void start() throws IOException {
    plain = Harness.start();
    chunked = Harness.options().ioLimit(3).start();
    echo4 = EchoOrigin.start(FakeNames.v4());
    echo6 = EchoOrigin.start(FakeNames.v6());
  }

  @AfterAll
  static void stop() throws IOException {
    plain.close();
    chunked.close();
    echo4.close();
    echo6.close();
  }

  @TestFactory
  Stream<DynamicTest> connect_everyProtocolFamilyAndFeeding_relaysBothWays() {
    List<DynamicTest> tests = new ArrayList<>();
    for (boolean limited : new boolean[] {false, true}) {
      for (Proto p : Proto.values()) {
        for (boolean v6 : new boolean[] {false, true}) {
          String base =
              p
                  + (v6 ? " via ::1" : " via 127.0.0.1")
                  + (limited ? ", server I/O 3 bytes/call" : "");
          tests.add(
              dynamicTest(
                  base + ", lockstep", () -> roundTrip(limited ? chunked : plain, p, v6, 0, true)));
          for (int chunk : CHUNKS) {
            String how = chunk == 0 ? "one write" : chunk + "-byte writes";
            tests.add(
                dynamicTest(
                    base + ", pipelined in " + how,
                    () -> roundTrip(limited ? chunked : plain, p, v6, chunk, false)));
          }
        }
      }
    }
    return tests.stream();
  }

  static void roundTrip(Harness h, Proto p, boolean v6, int chunk, boolean lockstep)
      throws IOException {
    byte[] payload = SocksClient.random(chunk == 1 ? 700 : 3000, p.ordinal() * 31L + chunk);
    InetSocketAddress proxy = v6 ? h.v6() : h.v4();
    boolean socks5 = p == Proto.SOCKS5_IP || p == Proto.SOCKS5_NAME;
    byte[] request = request(p, v6);
    byte[] success = socks5 ? Wire.generic(Socks5ReplyCode.SUCCEEDED, v6) : Wire.socks4Granted();
    try (SocksClient c = SocksClient.connect(proxy).chunk(chunk)) {
      if (lockstep) {
        if (socks5) {
          c.send(Wire.greeting());
          c.expect(new byte[] {5, 0});
        }
        c.send(request);
        c.expect(success);
        c.send(payload);
      } else {
        c.send(socks5 ? Wire.greeting() : new byte[0], request, payload);
        if (socks5) {
          c.expect(new byte[] {5, 0});
        }
        c.expect(success);
      }
      c.expect(payload);
      c.shutdownOutput();
      assertEquals("", SocksClient.hex(c.readToEof()), "after the echo: EOF, passed on");
    }
  }

  static byte[] request(Proto p, boolean v6) throws IOException {
    EchoOrigin origin = v6 && p != Proto.SOCKS4 && p != Proto.SOCKS4A ? echo6 : echo4;
    int port = origin.address().getPort();
    return switch (p) {
      case SOCKS4 -> Wire.socks4(Socks4Command.CONNECT, FakeNames.v4(), port);
      case SOCKS4A -> Wire.socks4a(Socks4Command.CONNECT, "origin.test", port);
      case SOCKS5_IP ->
          Wire.socks5(Socks5Command.CONNECT, v6 ? FakeNames.v6() : FakeNames.v4(), port);
      case SOCKS5_NAME ->
          Wire.socks5(Socks5Command.CONNECT, v6 ? "origin6.test" : "origin.test", port);
    };
  }
}
