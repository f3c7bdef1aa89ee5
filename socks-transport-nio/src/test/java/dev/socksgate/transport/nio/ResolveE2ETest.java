package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.socksgate.codec.HttpResistance;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v4.Socks4Command;
import dev.socksgate.codec.v4.Socks4Reply;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Requests answered without a relay, end to end: Tor's RESOLVE (SOCKS5 and SOCKS4a) and RESOLVE_PTR
 * through the resolver port (over in-test names), a name that does not resolve, the HTTP-resistance
 * page, and refusals of the handshake. Each is sent whole (with junk after it, in the same write)
 * and one byte at a time, through both client families; each ends with the exact reply bytes and
 * then EOF.
 */
class ResolveE2ETest {

  private static Harness harness;

  @BeforeAll
  static void start() throws IOException {
    harness = Harness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private record Case(String name, byte[] sent, byte[] reply) {}

  private static List<Case> cases(boolean v6) {
    byte[] resolved =
        Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, SocksAddress.of(FakeNames.v4()), 0).toBytes();
    byte[] resolved6 =
        Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, SocksAddress.of(FakeNames.v6()), 0).toBytes();
    byte[] ptr =
        Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, SocksAddress.domain("origin.test"), 0).toBytes();
    byte[] resolveFailed = Socks5Reply.unspecified(Socks5ReplyCode.HOST_UNREACHABLE).toBytes();
    byte[] methodOk = {5, 0};
    return List.of(
        new Case(
            "SOCKS5 RESOLVE",
            Wire.concat(Wire.greeting(), Wire.socks5(Socks5Command.RESOLVE, "origin.test", 0)),
            Wire.concat(methodOk, resolved)),
        new Case(
            "SOCKS5 RESOLVE of an IPv6-only name",
            Wire.concat(Wire.greeting(), Wire.socks5(Socks5Command.RESOLVE, "origin6.test", 0)),
            Wire.concat(methodOk, resolved6)),
        new Case(
            "SOCKS5 RESOLVE of an unknown name",
            Wire.concat(Wire.greeting(), Wire.socks5(Socks5Command.RESOLVE, "nowhere.test", 0)),
            Wire.concat(methodOk, resolveFailed)),
        new Case(
            "SOCKS5 RESOLVE_PTR",
            Wire.concat(Wire.greeting(), Wire.socks5(Socks5Command.RESOLVE_PTR, FakeNames.v4(), 0)),
            Wire.concat(methodOk, ptr)),
        new Case(
            "SOCKS5 RESOLVE_PTR of an address without a name",
            Wire.concat(Wire.greeting(), Wire.socks5(Socks5Command.RESOLVE_PTR, FakeNames.v6(), 0)),
            Wire.concat(methodOk, resolveFailed)),
        new Case(
            "SOCKS4a RESOLVE",
            Wire.socks4a(Socks4Command.RESOLVE, "origin.test", 0),
            Socks4Reply.resolved((Inet4Address) FakeNames.v4()).toBytes()),
        new Case(
            "SOCKS5 BIND",
            Wire.concat(Wire.greeting(), Wire.socks5(Socks5Command.BIND, FakeNames.v4(), 80)),
            Wire.concat(methodOk, Wire.generic(Socks5ReplyCode.COMMAND_NOT_SUPPORTED, false))),
        new Case(
            "HTTP request",
            "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            HttpResistance.response()));
  }

  @TestFactory
  Stream<DynamicTest> answered_wholeAndByteByByte_exactReplyThenEof() {
    List<DynamicTest> tests = new ArrayList<>();
    for (boolean v6 : new boolean[] {false, true}) {
      for (Case c : cases(v6)) {
        for (int chunk : new int[] {0, 1}) {
          String how =
              (chunk == 0 ? "whole, junk after it" : "one byte at a time")
                  + (v6 ? ", via ::1" : ", via 127.0.0.1");
          tests.add(dynamicTest(c.name() + " " + how, () -> exchange(v6, c, chunk)));
        }
      }
    }
    return tests.stream();
  }

  private static void exchange(boolean v6, Case c, int chunk) throws IOException {
    InetSocketAddress proxy = v6 ? harness.v6() : harness.v4();
    try (SocksClient client = SocksClient.connect(proxy).chunk(chunk)) {
      // Junk after the request is early data (dropped after RESOLVE) or ignored after a failure.
      client.send(c.sent(), chunk == 0 ? SocksClient.random(300, 7) : new byte[0]);
      assertArrayEquals(c.reply(), client.read(c.reply().length), c.name());
      client.expectClosedWithNothing();
    }
  }
}
