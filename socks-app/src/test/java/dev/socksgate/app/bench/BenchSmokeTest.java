package dev.socksgate.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import dev.socksgate.app.cli.CliParser;
import dev.socksgate.app.cli.Invocation;
import dev.socksgate.app.cli.UsageException;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.wiring.Injectors;
import dev.socksgate.app.wiring.Lifecycle;
import dev.socksgate.app.wiring.ServerModules;
import dev.socksgate.transport.nio.NioSocksServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A short run of every scenario against the real server, in process, and of each without a proxy:
 * it completes and verifies its data. Speeds are never asserted (docs/benchmarks.md has the
 * numbers); each run takes well under a second.
 */
class BenchSmokeTest {

  private static Lifecycle lifecycle;
  private static String proxy;

  @BeforeAll
  static void startServer() throws Exception {
    AppConfig config =
        ((Invocation.Run)
                new CliParser(
                        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                    .parse(new String[] {"--socks-port", "127.0.0.1:0", "--log-level", "warn"}))
            .config();
    Injector injector = Injectors.create(ServerModules.production(config));
    lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    proxy =
        "127.0.0.1:" + injector.getInstance(NioSocksServer.class).boundAddresses().get(0).getPort();
  }

  @AfterAll
  static void stopServer() {
    lifecycle.stop(Duration.ofSeconds(5));
  }

  /** Runs the bench, expects exit 0 and a verified JSON line, returns that line. */
  static String bench(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = exitCode(out, err, args);
    String[] lines = out.toString().split("\\R");
    String json = lines[lines.length - 1];
    assertEquals(0, code, out + "\n" + err);
    assertTrue(json.startsWith("{") && json.contains("\"verified\":true"), json);
    return json;
  }

  /** Runs {@code socksgate bench ARGS} as the command line does; returns its exit status. */
  static int exitCode(StringWriter out, StringWriter err, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "bench";
    System.arraycopy(args, 0, all, 1, args.length);
    try {
      Invocation invocation =
          new CliParser(new PrintWriter(out, true), new PrintWriter(err, true)).parse(all);
      return assertInstanceOf(Invocation.Exit.class, invocation).code();
    } catch (UsageException e) {
      throw new AssertionError("a subcommand reports its own usage errors", e);
    }
  }

  static double number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":([0-9.]+)").matcher(json);
    assertTrue(m.find(), key + " in " + json);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void bulk_throughTheServer_verifiesEveryByte() {
    String json =
        bench(
            "bulk",
            "--proxy",
            proxy,
            "--streams",
            "3",
            "--mib",
            "2",
            "--threads",
            "2",
            "--timeout",
            "60 s");
    assertEquals(12, number(json, "mib_total"));
  }

  @Test
  void churn_byAddressAndByName() {
    String json =
        bench(
            "churn",
            "--proxy",
            proxy,
            "--workers",
            "4",
            "--warmup",
            "0",
            "--duration",
            "400ms",
            "--connect-by",
            "both",
            "--timeout",
            "60 s");
    assertTrue(number(json, "latency_ipv4_count") > 0, json);
    assertTrue(number(json, "latency_name_count") > 0, json);
  }

  @Test
  void pingpong_roundTrips() {
    String json = bench("pingpong", "--proxy", proxy, "--messages", "200", "--size", "100");
    assertEquals(200, number(json, "messages"));
  }

  @Test
  void idle_tunnelsStayUsable_andTheServerIsSampled() {
    String json =
        bench(
            "idle",
            "--proxy",
            proxy,
            "--tunnels",
            "40",
            "--steps",
            "2",
            "--settle",
            "0",
            "--pid",
            Long.toString(ProcessHandle.current().pid()));
    assertEquals(40, number(json, "tunnels"));
    assertTrue(number(json, "rss_last_kib") > 0, json);
  }

  @Test
  void direct_everyScenario() {
    bench("bulk", "--direct", "--streams", "2", "--mib", "1");
    bench("churn", "--direct", "--workers", "2", "--warmup", "0", "--duration", "200ms");
    bench("pingpong", "--direct", "--messages", "100");
    bench("idle", "--direct", "--tunnels", "20", "--steps", "1", "--settle", "0");
  }

  @Test
  void corruptedUpload_failsTheRun() throws Exception {
    try (CorruptingProxy broken = new CorruptingProxy(100_000)) {
      StringWriter out = new StringWriter();
      int code =
          exitCode(
              out,
              new StringWriter(),
              "bulk",
              "--proxy",
              "127.0.0.1:" + broken.port(),
              "--mib",
              "1",
              "--timeout",
              "60 s");
      assertEquals(1, code, out.toString());
      assertTrue(out.toString().contains("upload CORRUPT, download ok"), out.toString());
      assertTrue(out.toString().contains("\"verified\":false"), out.toString());
    }
  }

  @Test
  void startup_reportsAServerThatExitsAtOnce() {
    StringWriter out = new StringWriter();
    // Port 9 (discard) on loopback: nothing listens there in a test environment.
    int code =
        exitCode(
            out,
            new StringWriter(),
            "startup",
            "--proxy",
            "127.0.0.1:9",
            "--repeat",
            "1",
            "--timeout",
            "30 s",
            "--",
            "false");
    assertEquals(1, code, out.toString());
    assertTrue(out.toString().contains("exited with status 1 before accepting"), out.toString());
  }
}
