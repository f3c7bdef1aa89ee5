package dev.socksgate.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.port.ClientPolicy;
import dev.socksgate.core.testing.Requests;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocksPolicyTest {

  @Test
  void firstMatchWins_andNoMatchAdmits() {
    SocksPolicy p = SocksPolicy.parse(List.of("reject 127.0.0.3", "accept 127.0.0.0/8"));
    assertFalse(p.admits(Requests.ip("127.0.0.3")));
    assertTrue(p.admits(Requests.ip("127.0.0.2")));
    assertTrue(p.admits(Requests.ip("192.0.2.1")), "Tor: an address no rule matches is accepted");
  }

  @Test
  void lanAllowlist() {
    SocksPolicy p = SocksPolicy.parse(List.of("accept 192.168.1.0/24,accept [::1],reject *"));
    assertTrue(p.admits(Requests.ip("192.168.1.77")));
    assertTrue(p.admits(Requests.ip("::1")));
    assertFalse(p.admits(Requests.ip("192.168.2.1")));
    assertFalse(p.admits(Requests.ip("2001:db8::1")));
  }

  @Test
  void familyWildcards_andPrivate() {
    SocksPolicy v4only = SocksPolicy.parse(List.of("reject *6"));
    assertTrue(v4only.admits(Requests.ip("203.0.113.9")));
    assertFalse(v4only.admits(Requests.ip("::1")));
    SocksPolicy privateOnly = SocksPolicy.parse(List.of("accept private", "reject *"));
    assertTrue(privateOnly.admits(Requests.ip("10.9.8.7")));
    assertTrue(privateOnly.admits(Requests.ip("fe80::1")));
    assertFalse(privateOnly.admits(Requests.ip("100.64.0.1")), "not in Tor's private list");
    assertFalse(privateOnly.admits(Requests.ip("8.8.8.8")));
  }

  @Test
  void admitAll_andBadInput() {
    assertTrue(ClientPolicy.ADMIT_ALL.admits(Requests.ip("8.8.8.8")));
    assertTrue(SocksPolicy.parse(List.of()).admits(Requests.ip("8.8.8.8")));
    assertThrows(IllegalArgumentException.class, () -> SocksPolicy.parse(List.of("accept x.y")));
  }

  @Test
  void policiesAreEqualWhenTheirRulesAre() {
    assertEquals(
        SocksPolicy.parse(List.of("accept 10.0.0.0/8, reject *")),
        SocksPolicy.parse(List.of("accept 10.1.2.3/8", "reject *:*")));
    assertNotEquals(
        SocksPolicy.parse(List.of("accept 10.0.0.0/8, reject *")),
        SocksPolicy.parse(List.of("reject *, accept 10.0.0.0/8")));
    assertEquals(
        ExitPolicy.parse(List.of("reject *:25"), true),
        ExitPolicy.parse(List.of("reject *:25"), true));
    assertNotEquals(
        ExitPolicy.parse(List.of("reject *:25"), true),
        ExitPolicy.parse(List.of("reject *:25"), false));
  }
}
