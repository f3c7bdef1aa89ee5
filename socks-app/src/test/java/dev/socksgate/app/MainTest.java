package dev.socksgate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's exit codes: 2 for bad options, 1 for start-up failures, 0 for --check. */
class MainTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void badOption_exit2_withAOneLineMessageAndTheUsage() {
    assertEquals(2, run("--socks-port", "1080 IsolateNothing"));
    String text = err.toString();
    assertTrue(
        text.startsWith("socksgate: --socks-port: unknown SocksPort flag: IsolateNothing\n"), text);
    assertTrue(text.contains("Usage: socksgate"), text);
  }

  @Test
  void check_buildsEverything_bindsNothing_exit0() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertEquals(0, run("--check", "--socks-port", "127.0.0.1:" + taken.getLocalPort()));
    }
    assertTrue(out.toString().contains("configuration OK"), out.toString());
  }

  @Test
  void portInUse_exit1() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      assertEquals(1, run("--socks-port", "127.0.0.1:" + taken.getLocalPort()));
    }
  }

  @Test
  void unreadableAuthFile_exit1() {
    assertEquals(1, run("--check", "--auth-file", dir.resolve("missing").toString()));
  }

  @Test
  void helpAndVersion_exit0() {
    assertEquals(0, run("--help"));
    assertEquals(0, run("--version"));
  }
}
