package dev.socksgate.app.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.socksgate.app.cli.CliParser;
import dev.socksgate.app.cli.Invocation;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control port, wired by the real injector: NEWNYM over a socket advances the epoch. */
class ControlServiceTest {

  @TempDir Path dir;

  @Test
  void signalNewnym_overTheWire_advancesTheIsolationEpoch() throws Exception {
    Path cookieFile = dir.resolve("control.cookie");
    AppConfig config =
        ((Invocation.Run)
                new CliParser(
                        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                    .parse(
                        new String[] {
                          "--socks-port",
                          "127.0.0.1:0",
                          "--control-port",
                          "127.0.0.1:0",
                          "--control-cookie-file",
                          cookieFile.toString()
                        }))
            .config();
    Injector injector = Injectors.create(ServerModules.production(config));
    Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
    lifecycle.start();
    try {
      InetSocketAddress control =
          injector
              .getInstance(Key.get(new TypeLiteral<Optional<ControlService>>() {}))
              .orElseThrow()
              .port()
              .boundAddress();
      TorIsolationPolicy policy = injector.getInstance(TorIsolationPolicy.class);
      long before = policy.currentEpoch();
      try (Socket s = new Socket()) {
        s.connect(control, 10_000);
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        String cookie = HexFormat.of().formatHex(Files.readAllBytes(cookieFile));
        out.write(
            ("AUTHENTICATE " + cookie + "\r\nSIGNAL NEWNYM\r\nQUIT\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertEquals("250 OK", in.readLine());
        assertEquals("250 OK", in.readLine());
        assertEquals("250 closing connection", in.readLine());
      }
      assertNotEquals(before, policy.currentEpoch());
    } finally {
      lifecycle.stop(Duration.ofSeconds(5));
    }
    assertTrue(Files.notExists(cookieFile), "the cookie is deleted on stop");
  }

  @Test
  void nonLoopbackControlPort_isAUsageError() {
    assertThrows(
        dev.socksgate.app.cli.UsageException.class,
        () ->
            new CliParser(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .parse(new String[] {"--control-port", "0.0.0.0:9051"}));
  }
}
