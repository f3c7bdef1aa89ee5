package dev.socksgate.core.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.Decoded;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.Socks5AuthMethod;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.testing.Hex;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The client engine's bytes and steps, as hex vectors, whole and byte by byte. */
class ClientHandshakeTest {

  private static final String CONNECT_EXAMPLE = "05 01 00 03 0b 'example.com' 01bb";

  private static Socks5Request socks5(String hex) {
    return ((Decoded.Message<Socks5Request>) Socks5Request.decode(Hex.buffer(hex))).value();
  }

  private static Optional<Credentials.UsernamePassword> alice() {
    return Optional.of(
        new Credentials.UsernamePassword(Hex.bytes("'alice'"), Hex.bytes("'s3cret'")));
  }

  private static byte[] sent(ClientHandshake.Step step) {
    return Hex.remaining(assertInstanceOf(ClientHandshake.Step.Send.class, step).bytes());
  }

  /** Feeds {@code hex} one byte at a time: NeedMore, consuming nothing, until the last byte. */
  private static ClientHandshake.Step byteByByte(ClientHandshake c, String hex) {
    byte[] all = Hex.bytes(hex);
    for (int n = 1; n < all.length; n++) {
      ByteBuffer part = ByteBuffer.wrap(all, 0, n).slice();
      assertInstanceOf(ClientHandshake.Step.NeedMore.class, c.step(part), "after " + n);
      assertEquals(0, part.position(), "NeedMore consumes nothing");
    }
    return c.step(ByteBuffer.wrap(all));
  }

  @Test
  void socks5_noAuth_connect_withEarlyData() {
    ClientHandshake c =
        ClientHandshake.socks5(socks5(CONNECT_EXAMPLE), Optional.empty(), Hex.buffer("'GET /'"));
    assertArrayEquals(Hex.bytes("05 01 00"), Hex.remaining(c.start().bytes()));
    assertArrayEquals(Hex.bytes(CONNECT_EXAMPLE + " 'GET /'"), sent(byteByByte(c, "05 00")));
    ByteBuffer reply = Hex.buffer("05 00 00 01 7f000001 1f90 'HTTP'");
    ClientHandshake.Step.Done done =
        assertInstanceOf(ClientHandshake.Step.Done.class, c.step(reply));
    assertArrayEquals(Hex.bytes("'HTTP'"), Hex.remaining(reply), "the server's data stays");
    ClientHandshake.Reply.V5 v5 = assertInstanceOf(ClientHandshake.Reply.V5.class, done.reply());
    assertEquals(8080, v5.reply().bndPort());
    assertTrue(c.isFinished());
    assertEquals(done, c.step(Hex.buffer("00")), "fused");
  }

  @Test
  void socks5_login_offersOnlyUsernamePassword_thenSendsRfc1929() {
    ClientHandshake c =
        ClientHandshake.socks5(socks5(CONNECT_EXAMPLE), alice(), ByteBuffer.allocate(0));
    assertArrayEquals(Hex.bytes("05 01 02"), Hex.remaining(c.start().bytes()));
    assertArrayEquals(Hex.bytes("01 05 'alice' 06 's3cret'"), sent(c.step(Hex.buffer("05 02"))));
    assertArrayEquals(Hex.bytes(CONNECT_EXAMPLE), sent(byteByByte(c, "01 00")));
    assertInstanceOf(
        ClientHandshake.Step.Done.class, byteByByte(c, "05 00 00 03 0b 'example.com' 01bb"));
  }

  @Test
  void socks5_refusals_areTyped() {
    ClientHandshake noMethod =
        ClientHandshake.socks5(socks5(CONNECT_EXAMPLE), Optional.empty(), ByteBuffer.allocate(0));
    noMethod.start();
    assertInstanceOf(
        ClientFailure.NoAcceptableMethod.class,
        assertInstanceOf(ClientHandshake.Step.Failed.class, noMethod.step(Hex.buffer("05 ff")))
            .failure());

    ClientHandshake wrongMethod =
        ClientHandshake.socks5(socks5(CONNECT_EXAMPLE), alice(), ByteBuffer.allocate(0));
    wrongMethod.start();
    ClientFailure.UnexpectedMethod u =
        assertInstanceOf(
            ClientFailure.UnexpectedMethod.class,
            assertInstanceOf(
                    ClientHandshake.Step.Failed.class, wrongMethod.step(Hex.buffer("05 00")))
                .failure());
    assertEquals(Socks5AuthMethod.NO_AUTH, u.method());

    ClientHandshake badLogin =
        ClientHandshake.socks5(socks5(CONNECT_EXAMPLE), alice(), ByteBuffer.allocate(0));
    badLogin.start();
    badLogin.step(Hex.buffer("05 02"));
    assertInstanceOf(
        ClientFailure.AuthRejected.class,
        assertInstanceOf(ClientHandshake.Step.Failed.class, badLogin.step(Hex.buffer("01 01")))
            .failure());

    ClientHandshake refused =
        ClientHandshake.socks5(socks5(CONNECT_EXAMPLE), Optional.empty(), ByteBuffer.allocate(0));
    refused.start();
    refused.step(Hex.buffer("05 00"));
    ClientFailure.Refused r =
        assertInstanceOf(
            ClientFailure.Refused.class,
            assertInstanceOf(
                    ClientHandshake.Step.Failed.class,
                    refused.step(Hex.buffer("05 04 00 01 00000000 0000")))
                .failure());
    assertEquals((byte) 0x04, ((ClientHandshake.Reply.V5) r.reply()).reply().rep().code());
  }

  @Test
  void socks5_malformedServerBytes_failTheHandshake_andStayFailed() {
    ClientHandshake c =
        ClientHandshake.socks5(socks5(CONNECT_EXAMPLE), Optional.empty(), ByteBuffer.allocate(0));
    c.start();
    ClientHandshake.Step failed = c.step(Hex.buffer("04 00"));
    assertInstanceOf(
        ClientFailure.Malformed.class,
        assertInstanceOf(ClientHandshake.Step.Failed.class, failed).failure());
    assertEquals(failed, c.step(Hex.buffer("05 00")), "fused");
  }

  @Test
  void socks4a_resolvesByName_andReturnsTheGrantedReply() {
    Socks4Request request =
        ((Decoded.Message<Socks4Request>)
                Socks4Request.decode(Hex.buffer("04 f0 0000 00000001 'me' 00 'example.com' 00")))
            .value();
    ClientHandshake c = ClientHandshake.socks4(request, ByteBuffer.allocate(0));
    assertArrayEquals(
        Hex.bytes("04 f0 0000 00000001 'me' 00 'example.com' 00"),
        Hex.remaining(c.start().bytes()));
    ClientHandshake.Step.Done done =
        assertInstanceOf(ClientHandshake.Step.Done.class, byteByByte(c, "00 5a 0000 5db8d822"));
    assertInstanceOf(ClientHandshake.Reply.V4.class, done.reply());

    ClientHandshake refused = ClientHandshake.socks4(request, ByteBuffer.allocate(0));
    refused.start();
    assertInstanceOf(
        ClientFailure.Refused.class,
        assertInstanceOf(
                ClientHandshake.Step.Failed.class, refused.step(Hex.buffer("00 5b 0000 00000000")))
            .failure());
  }

  @Test
  void misuse_isRefused() {
    ClientHandshake c =
        ClientHandshake.socks5(socks5(CONNECT_EXAMPLE), Optional.empty(), ByteBuffer.allocate(0));
    assertThrows(IllegalStateException.class, () -> c.step(Hex.buffer("05 00")));
    c.start();
    assertThrows(IllegalStateException.class, c::start);
    assertFalse(c.isFinished());
  }
}
