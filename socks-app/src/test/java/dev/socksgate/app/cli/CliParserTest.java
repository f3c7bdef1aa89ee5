package dev.socksgate.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.config.SocksPortSpec;
import dev.socksgate.transport.nio.NioServerConfig;
import dev.socksgate.transport.nio.NioTransport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliParserTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final CliParser parser =
      new CliParser(new PrintWriter(out, true), new PrintWriter(err, true));

  private AppConfig run(String... args) throws UsageException {
    return assertInstanceOf(Invocation.Run.class, parser.parse(args)).config();
  }

  @Test
  void defaultsAndLimits_areTheTransportsOwn() throws Exception {
    AppConfig c = run();
    assertEquals(NioServerConfig.DEFAULT_MAX_CONNECTIONS, c.maxConnections());
    assertEquals(NioServerConfig.DEFAULT_BUFFER_SIZE, c.bufferSize());
    assertEquals(NioServerConfig.DEFAULT_BULK_BUFFER_SIZE, c.bulkBufferSize());
    assertEquals(NioTransport.MAX_LOOPS, run("--loops", "" + NioTransport.MAX_LOOPS).loops());
    assertThrows(UsageException.class, () -> run("--loops", "" + (NioTransport.MAX_LOOPS + 1)));
    assertEquals(
        NioServerConfig.MAX_BUFFER_SIZE,
        run("--buffer-size", "" + NioServerConfig.MAX_BUFFER_SIZE).bufferSize());
    assertThrows(
        UsageException.class,
        () -> run("--buffer-size", "" + (NioServerConfig.MAX_BUFFER_SIZE + 1)));
    assertThrows(
        UsageException.class,
        () -> run("--bulk-buffer-size", "" + (NioServerConfig.MIN_BUFFER_SIZE - 1)));
  }

  @Test
  void bandwidth_offByDefault_bytesUpToTheTransportsLimit() throws Exception {
    AppConfig off = run();
    assertEquals(0, off.bandwidthRate());
    assertEquals(0, off.bandwidthBurst());
    AppConfig on = run("--bandwidth-rate", "1048576", "--bandwidth-burst", "65536");
    assertEquals(1_048_576, on.bandwidthRate());
    assertEquals(65_536, on.bandwidthBurst());
    assertEquals(
        NioServerConfig.MAX_BANDWIDTH,
        run("--bandwidth-rate", "" + NioServerConfig.MAX_BANDWIDTH).bandwidthRate());
    for (String bad : new String[] {"-1", "1k", "", "1099511627777", "99999999999999999999"}) {
      assertThrows(UsageException.class, () -> run("--bandwidth-rate", bad), bad);
      assertThrows(UsageException.class, () -> run("--bandwidth-burst", bad), bad);
    }
  }

  @Test
  void noArguments_giveTheDocumentedDefaults() throws Exception {
    AppConfig c = run();
    assertEquals(List.of(SocksPortSpec.defaults()), c.listeners());
    assertEquals(Duration.ofSeconds(120), c.socksTimeout());
    assertEquals(Duration.ofSeconds(30), c.connectTimeout());
    assertEquals(Duration.ZERO, c.idleTimeout());
    assertEquals(10_000, c.maxConnections());
    assertEquals(Runtime.getRuntime().availableProcessors(), c.loops());
    assertEquals(65_536, c.bufferSize());
    assertEquals(262_144, c.bulkBufferSize());
    assertFalse(c.safeSocks());
    assertFalse(c.testSocks());
    assertTrue(c.safeLogging());
    assertEquals(Optional.empty(), c.authFile());
    assertFalse(c.rejectInternalAddresses(), "loopback only: off by default");
    assertEquals("info", c.logLevel());
  }

  @Test
  void everyOption_fromTheCommandLine() throws Exception {
    Invocation.Run r =
        assertInstanceOf(
            Invocation.Run.class,
            parser.parse(
                new String[] {
                  "--socks-port",
                  "127.0.0.1:9050 IsolateDestAddr",
                  "--socks-port",
                  "[::1]:9051",
                  "--socks-timeout",
                  "5 s",
                  "--connect-timeout",
                  "2s",
                  "--idle-timeout",
                  "1 minute",
                  "--max-connections",
                  "50",
                  "--loops",
                  "3",
                  "--buffer-size",
                  "4096",
                  "--bulk-buffer-size",
                  "0",
                  "--safe-socks",
                  "--test-socks",
                  "--safe-logging=false",
                  "--auth-file",
                  "users.txt",
                  "--reject-internal-addresses",
                  "--log-level",
                  "DEBUG",
                  "--check"
                }));
    AppConfig c = r.config();
    assertTrue(r.checkOnly());
    assertEquals(2, c.listeners().size());
    assertTrue(c.listeners().get(0).isolation().isolateDestAddr());
    assertEquals(new InetSocketAddress("::1", 9051), c.listeners().get(1).bind());
    assertEquals(Duration.ofSeconds(5), c.socksTimeout());
    assertEquals(Duration.ofSeconds(2), c.connectTimeout());
    assertEquals(Duration.ofMinutes(1), c.idleTimeout());
    assertEquals(50, c.maxConnections());
    assertEquals(3, c.loops());
    assertEquals(4096, c.bufferSize());
    assertEquals(0, c.bulkBufferSize());
    assertTrue(c.safeSocks());
    assertTrue(c.testSocks());
    assertFalse(c.safeLogging());
    assertEquals(Optional.of(Path.of("users.txt").toAbsolutePath()), c.authFile());
    assertTrue(c.rejectInternalAddresses());
    assertEquals("debug", c.logLevel());
  }

  @Test
  void upstreamAndExitBind_parse() throws Exception {
    assertEquals(
        Optional.of(new InetSocketAddress("127.0.0.1", 9050)),
        run("--upstream", "socks5://127.0.0.1:9050").upstream());
    assertEquals(
        Optional.of(new InetSocketAddress("::1", 9050)),
        run("--upstream", "socks5://[::1]:9050/").upstream());
    assertEquals(
        List.of(
            java.net.InetAddress.getByName("127.0.0.2"),
            java.net.InetAddress.getByName("127.0.0.3")),
        run("--exit-bind", "127.0.0.2,127.0.0.3").exitBind());
    assertEquals(List.of(), run().exitBind());
    assertEquals(Optional.empty(), run().upstream());
    for (String bad :
        new String[] {
          "http://127.0.0.1:9050",
          "socks5://tor.local:9050",
          "socks5://127.0.0.1",
          "socks5://127.0.0.1:0"
        }) {
      assertThrows(UsageException.class, () -> parser.parse(new String[] {"--upstream", bad}), bad);
    }
    assertThrows(
        UsageException.class, () -> parser.parse(new String[] {"--exit-bind", "egress.example"}));
    assertThrows(
        UsageException.class,
        () ->
            parser.parse(
                new String[] {
                  "--upstream", "socks5://127.0.0.1:9050", "--exit-bind", "127.0.0.2"
                }));
  }

  @Test
  void nonLoopbackListener_turnsInternalAddressRejectionOnByDefault() throws Exception {
    assertTrue(run("--socks-port", "0.0.0.0:1080").rejectInternalAddresses());
    assertFalse(
        run("--socks-port", "0.0.0.0:1080", "--reject-internal-addresses=false")
            .rejectInternalAddresses());
  }

  @Test
  void configFile_holdsTheSameKeys_andTheCommandLineWins() throws Exception {
    Path conf = dir.resolve("socksgate.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "# a comment",
            "",
            "socks-port 127.0.0.1:9150 IsolateDestPort SessionGroup=4",
            "socks-port [::1]:9151",
            "socks-timeout 2 minutes",
            "safe-socks",
            "loops 2",
            "safe-logging false",
            "max-connections 77",
            "log-level warn",
            "connect-timeout 7 s",
            "idle-timeout 9 s",
            "buffer-size 8192",
            "test-socks",
            "auth-file users.txt",
            "reject-internal-addresses true",
            "control-port 127.0.0.1:9051",
            "control-cookie-file cookie.txt",
            "exit-bind 127.0.0.2,127.0.0.3"),
        StandardCharsets.UTF_8);
    AppConfig fromFile = run("--config", conf.toString());
    assertEquals(2, fromFile.listeners().size());
    assertTrue(fromFile.listeners().get(0).isolation().isolateDestPort());
    assertEquals(Duration.ofMinutes(2), fromFile.socksTimeout());
    assertTrue(fromFile.safeSocks());
    assertEquals(2, fromFile.loops());
    assertFalse(fromFile.safeLogging());
    assertEquals(77, fromFile.maxConnections());
    assertEquals("warn", fromFile.logLevel());
    assertEquals(Duration.ofSeconds(7), fromFile.connectTimeout());
    assertEquals(Duration.ofSeconds(9), fromFile.idleTimeout());
    assertEquals(8192, fromFile.bufferSize());
    assertTrue(fromFile.testSocks());
    assertEquals(Optional.of(Path.of("users.txt").toAbsolutePath()), fromFile.authFile());
    assertTrue(fromFile.rejectInternalAddresses());
    assertEquals(Optional.of(new InetSocketAddress("127.0.0.1", 9051)), fromFile.controlPort());
    assertEquals(Path.of("cookie.txt").toAbsolutePath(), fromFile.controlCookieFile());
    assertEquals(2, fromFile.exitBind().size());
    Path up = dir.resolve("up.conf");
    Files.writeString(up, "upstream socks5://127.0.0.1:9050\n", StandardCharsets.UTF_8);
    assertEquals(
        Optional.of(new InetSocketAddress("127.0.0.1", 9050)),
        run("--config", up.toString()).upstream());

    AppConfig overridden =
        run("--config", conf.toString(), "--loops", "5", "--socks-port", "127.0.0.1:7000");
    assertEquals(5, overridden.loops());
    assertEquals(List.of(SocksPortSpec.parse("127.0.0.1:7000")), overridden.listeners());
  }

  @Test
  void perClientLimits_offByDefault_perUserNeedsAnAuthFile() throws Exception {
    AppConfig c = run();
    assertEquals(0, c.maxConnectionsPerAddress());
    assertEquals(0, c.maxConnectionsPerUser());
    assertEquals(3, run("--max-connections-per-address", "3").maxConnectionsPerAddress());
    Path auth = Files.writeString(dir.resolve("users"), "");
    assertEquals(
        2,
        run("--auth-file", auth.toString(), "--max-connections-per-user", "2")
            .maxConnectionsPerUser());
    UsageException e =
        assertThrows(UsageException.class, () -> run("--max-connections-per-user", "2"));
    assertEquals("--max-connections-per-user needs --auth-file", e.getMessage());
    assertEquals(0, run("--max-connections-per-user", "0").maxConnectionsPerUser());
    assertThrows(UsageException.class, () -> run("--max-connections-per-address", "-1"));
    assertThrows(UsageException.class, () -> run("--max-connections-per-user", "x"));
  }

  @Test
  void badInput_isAUsageErrorWithAOneLineMessage() {
    assertThrows(UsageException.class, () -> parser.parse(new String[] {"--no-such-option"}));
    assertThrows(UsageException.class, () -> parser.parse(new String[] {"--loops", "many"}));
    assertThrows(
        UsageException.class,
        () -> parser.parse(new String[] {"--socks-port", "1080 IsolateNothing"}));
    assertThrows(
        UsageException.class, () -> parser.parse(new String[] {"--socks-timeout", "later"}));
    assertThrows(UsageException.class, () -> parser.parse(new String[] {"--loops", "0"}));
    assertThrows(
        UsageException.class, () -> parser.parse(new String[] {"--bulk-buffer-size", "512"}));
    assertThrows(
        UsageException.class, () -> parser.parse(new String[] {"--bulk-buffer-size", "16777217"}));
    assertThrows(UsageException.class, () -> parser.parse(new String[] {"--log-level", "loud"}));
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> parser.parse(new String[] {"--config", dir.resolve("missing").toString()}));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void badConfigFileKey_namesTheLine() throws Exception {
    Path conf = dir.resolve("bad.conf");
    Files.writeString(conf, "loops 2\n--loops 3\n", StandardCharsets.UTF_8);
    UsageException e =
        assertThrows(
            UsageException.class, () -> parser.parse(new String[] {"--config", conf.toString()}));
    assertTrue(e.getMessage().contains(":2:"), e.getMessage());
    Files.writeString(conf, "bogus-key 1\n", StandardCharsets.UTF_8);
    assertThrows(
        UsageException.class, () -> parser.parse(new String[] {"--config", conf.toString()}));
  }

  @Test
  void helpAndVersion_printAndExitZero() throws Exception {
    assertEquals(new Invocation.Exit(0), parser.parse(new String[] {"--help"}));
    assertTrue(out.toString().contains("--socks-port"), out.toString());
    assertEquals(new Invocation.Exit(0), parser.parse(new String[] {"--version"}));
    assertTrue(out.toString().contains("socksgate "), out.toString());
  }

  @Test
  void proxyProtocolFrom_defaultsToLoopback_takesAddressesAndNetworks() throws Exception {
    var loopback = run().proxyProtocolFrom();
    for (String trusted : List.of("127.0.0.1", "127.9.8.7", "::1")) {
      assertTrue(loopback.admits(InetAddress.getByName(trusted)), trusted);
    }
    for (String untrusted : List.of("10.0.0.1", "::2", "192.168.1.1")) {
      assertFalse(loopback.admits(InetAddress.getByName(untrusted)), untrusted);
    }
    var lan =
        run(
                "--proxy-protocol-from",
                "10.1.0.0/16, 192.168.1.10",
                "--proxy-protocol-from",
                "fd00::/8")
            .proxyProtocolFrom();
    for (String trusted : List.of("10.1.200.3", "192.168.1.10", "fd00::5")) {
      assertTrue(lan.admits(InetAddress.getByName(trusted)), trusted);
    }
    for (String untrusted : List.of("10.2.0.1", "192.168.1.11", "127.0.0.1", "::1")) {
      assertFalse(lan.admits(InetAddress.getByName(untrusted)), untrusted);
    }
    assertTrue(
        run("--socks-port", "127.0.0.1:9050 ProxyProtocol").listeners().get(0).proxyProtocol());
    for (String bad : List.of("example.com", "10.0.0.0/33", "::1/129", "")) {
      assertThrows(
          UsageException.class,
          () -> parser.parse(new String[] {"--proxy-protocol-from", bad}),
          bad);
    }
  }
}
