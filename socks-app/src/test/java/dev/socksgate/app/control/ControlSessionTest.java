package dev.socksgate.app.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlSessionTest {

  @TempDir Path dir;
  private final AtomicLong epoch = new AtomicLong();
  private final AtomicLong reloads = new AtomicLong();
  private volatile boolean reloadSucceeds = true;
  private Cookie cookie;
  private ControlSession session;

  @BeforeEach
  void setUp() throws Exception {
    cookie = Cookie.create(dir.resolve("cookie"));
    session =
        new ControlSession(
            new ControlCommands() {
              @Override
              public long newIdentity() {
                return epoch.incrementAndGet();
              }

              @Override
              public boolean reload() {
                reloads.incrementAndGet();
                return reloadSucceeds;
              }

              @Override
              public Cookie cookie() {
                return cookie;
              }
            });
  }

  private String cookieHex() throws Exception {
    return HexFormat.of().formatHex(Files.readAllBytes(cookie.file()));
  }

  @Test
  void protocolInfo_namesCookieAuthAndTheFile() {
    ControlSession.Reply r = session.handle("PROTOCOLINFO 1");
    assertTrue(r.text().startsWith("250-PROTOCOLINFO 1\r\n"), r.text());
    assertTrue(
        r.text()
            .contains(
                "250-AUTH METHODS=COOKIE COOKIEFILE=\""
                    + cookie.file().toAbsolutePath()
                    + "\"\r\n"),
        r.text());
    assertTrue(r.text().endsWith("250 OK\r\n"), r.text());
    assertFalse(r.close());
  }

  @Test
  void newnym_afterCookieAuth_advancesTheEpoch() throws Exception {
    assertEquals("250 OK\r\n", session.handle("AUTHENTICATE " + cookieHex()).text());
    assertEquals("250 OK\r\n", session.handle("SIGNAL NEWNYM").text());
    assertEquals("250 OK\r\n", session.handle("signal newnym").text());
    assertEquals(2, epoch.get());
    assertEquals("552 Unrecognized signal code \"HALT\"\r\n", session.handle("SIGNAL HALT").text());
    assertEquals("510 Unrecognized command \"GETCONF\"\r\n", session.handle("GETCONF x").text());
    ControlSession.Reply quit = session.handle("QUIT");
    assertEquals("250 closing connection\r\n", quit.text());
    assertTrue(quit.close());
  }

  @Test
  void reloadAndHup_afterCookieAuth_reload_andARefusalIsReported() throws Exception {
    assertEquals("250 OK\r\n", session.handle("AUTHENTICATE " + cookieHex()).text());
    assertEquals("250 OK\r\n", session.handle("SIGNAL RELOAD").text());
    assertEquals("250 OK\r\n", session.handle("signal hup").text());
    assertEquals(2, reloads.get());
    reloadSucceeds = false;
    ControlSession.Reply r = session.handle("SIGNAL RELOAD");
    assertEquals("551 Reload failed; the configuration is unchanged (see the log)\r\n", r.text());
    assertFalse(r.close());
    assertEquals(3, reloads.get());
    assertEquals(0, epoch.get());
  }

  @Test
  void withoutAuthentication_nothingHappens() throws Exception {
    ControlSession.Reply r = session.handle("SIGNAL NEWNYM");
    assertEquals("514 Authentication required.\r\n", r.text());
    assertTrue(r.close());
    assertEquals(0, epoch.get());
    assertTrue(session.handle("SIGNAL RELOAD").close());
    assertEquals(0, reloads.get());
  }

  @Test
  void wrongCookie_isRefusedAndCloses() throws Exception {
    String wrong = cookieHex().replace('0', '1').replace('a', 'b');
    ControlSession.Reply r = session.handle("AUTHENTICATE " + wrong + "00");
    assertEquals("515 Authentication failed: wrong cookie\r\n", r.text());
    assertTrue(r.close());
    assertTrue(session.handle("AUTHENTICATE \"not hex\"").close());
  }
}
