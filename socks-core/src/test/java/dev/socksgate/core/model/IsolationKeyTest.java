package dev.socksgate.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.testing.Hex;
import dev.socksgate.core.testing.Requests;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Isolation keys: value equality, a stable and unambiguous serialization, redacted text. */
class IsolationKeyTest {

  private static IsolationKey.Builder base() {
    return IsolationKey.builder(1, 0);
  }

  @Test
  void equality_overEveryComponent() {
    IsolationKey a =
        base()
            .clientAddr(Requests.ip("10.0.0.1"))
            .socksAuth(Requests.userPass("u", "p"))
            .protocol(SocksProtocol.SOCKS5)
            .destPort(443)
            .destAddr("example.com")
            .build();
    IsolationKey b =
        base()
            .clientAddr(Requests.ip("10.0.0.1"))
            .socksAuth(Requests.userPass("u", "p"))
            .protocol(SocksProtocol.SOCKS5)
            .destPort(443)
            .destAddr("EXAMPLE.com")
            .build();
    assertEquals(a, b, "the destination is compared case-insensitively");
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void everyComponentAndEveryPresenceCounts() {
    List<IsolationKey> keys =
        List.of(
            base().build(),
            IsolationKey.builder(2, 0).build(),
            IsolationKey.builder(1, 1).build(),
            base().clientAddr(Requests.ip("10.0.0.1")).build(),
            base().clientAddr(Requests.ip("10.0.0.2")).build(),
            base().socksAuth(Credentials.NONE).build(),
            base().socksAuth(Requests.userPass("u", "")).build(),
            base().socksAuth(Requests.userPass("", "u")).build(),
            base().socksAuth(Requests.userPass("u", "p")).build(),
            base().protocol(SocksProtocol.SOCKS4).build(),
            base().protocol(SocksProtocol.SOCKS5).build(),
            base().destPort(0).build(),
            base().destPort(443).build(),
            base().destAddr("example.com").build(),
            base().destAddr("example.org").build());
    Set<IsolationKey> distinct = new HashSet<>(keys);
    assertEquals(keys.size(), distinct.size(), "all keys differ");
  }

  @Test
  void canonicalBytes_unambiguousAcrossFieldBoundaries() {
    IsolationKey ab = base().socksAuth(Requests.userPass("ab", "c")).build();
    IsolationKey a = base().socksAuth(Requests.userPass("a", "bc")).build();
    assertNotEquals(Hex.format(ab.canonicalBytes()), Hex.format(a.canonicalBytes()));
    IsolationKey g1e256 = IsolationKey.builder(1, 256).build();
    IsolationKey g256e1 = IsolationKey.builder(256, 1).build();
    assertNotEquals(g1e256, g256e1);
  }

  @Test
  void canonicalBytes_stableFormat() {
    IsolationKey k =
        IsolationKey.builder(7, 2)
            .clientAddr(Requests.ip("127.0.0.1"))
            .socksAuth(Requests.userPass("u", ""))
            .destPort(443)
            .build();
    assertEquals(
        Hex.format(
            Hex.bytes(
                "'c' 01 0004 7f000001 01 'u' 01 0001 'u' 'p' 00 'v' 00"
                    + " 'd' 01 0002 01bb 'a' 00 'g' 01 0004 00000007 'e' 01 0008 0000000000000002")),
        Hex.format(k.canonicalBytes()));
  }

  @Test
  void canonicalBytes_isACopy() {
    IsolationKey k = base().socksAuth(Requests.userPass("u", "p")).build();
    byte[] first = k.canonicalBytes();
    first[0] ^= 1;
    assertArrayEquals(
        k.canonicalBytes(), base().socksAuth(Requests.userPass("u", "p")).build().canonicalBytes());
  }

  @Test
  void toString_namesComponentsNeverValues() {
    IsolationKey k =
        IsolationKey.builder(3, 9)
            .clientAddr(Requests.ip("192.0.2.77"))
            .socksAuth(Requests.userPass("alice", "s3cret"))
            .protocol(SocksProtocol.SOCKS5)
            .destPort(8443)
            .destAddr("secret-site.example")
            .build();
    String shown = k.toString();
    for (String secret : List.of("192.0.2.77", "alice", "s3cret", "8443", "secret-site")) {
      assertFalse(shown.contains(secret), shown);
    }
    assertTrue(shown.contains("group=3") && shown.contains("epoch=9"), shown);
    assertTrue(
        shown.contains("clientAddr")
            && shown.contains("socksAuth")
            && shown.contains("protocol")
            && shown.contains("destPort")
            && shown.contains("destAddr"),
        shown);
  }

  @Test
  void accessors() {
    IsolationKey k = IsolationKey.builder(5, 6).build();
    assertEquals(5, k.sessionGroup());
    assertEquals(6, k.epoch());
  }
}
