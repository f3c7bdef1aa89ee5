package dev.socksgate.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.policy.PolicySyntax.Kind;
import dev.socksgate.core.testing.Requests;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parser vectors for Tor's policy syntax, in both kinds. */
class PolicySyntaxTest {

  private static List<PolicyRule> exit(String text) {
    return PolicySyntax.parse(List.of(text), Kind.EXIT);
  }

  @Test
  void torManualExample_parsesInOrder() {
    // The tor(1) manual's ExitPolicy example: web.mit.edu accepted, the rest of 18/8 rejected.
    List<PolicyRule> rules = exit("accept 18.7.22.69:*,reject 18.0.0.0/8:*,accept *:*");
    assertEquals("[accept 18.7.22.69/32:*, reject 18.0.0.0/8:*, accept *:*]", rules.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "reject *:25                 | reject *:25",
        "accept *:1024-65535         | accept *:1024-65535",
        "reject6 [FC00::]/7:*        | reject [fc00:0:0:0:0:0:0:0]/7:*",
        "accept6 [C000::]/3:*        | accept [c000:0:0:0:0:0:0:0]/3:*",
        "accept6 *:80                | accept *6:80",
        "reject4 *:*                 | reject *4:*",
        "accept *4:443               | accept *4:443",
        "REJECT 10.1.2.3/8           | reject 10.0.0.0/8:*",
        "reject 192.168.0.0/255.255.0.0:22 | reject 192.168.0.0/16:22",
        "reject [::1]                | reject [0:0:0:0:0:0:0:1]/128:*",
        "reject example.com:*        | reject example.com:*",
        "reject Example.COM.:25      | reject example.com:25",
        "reject *.example.com        | reject *.example.com:*",
        "accept 1.2.3.4:0-65535      | accept 1.2.3.4/32:*",
      })
  void entries(String entry, String expected) {
    assertEquals(expected, exit(entry).get(0).toString());
  }

  @Test
  void private_expandsToTorsPrivateNetworks_onAnySuffix() {
    List<PolicyRule> rules = exit("reject private:*");
    assertEquals(12, rules.size());
    assertEquals("reject 0.0.0.0/8:*", rules.get(0).toString());
    assertEquals("reject [0:0:0:0:0:0:0:0]/127:*", rules.get(11).toString());
    assertEquals(12, exit("reject6 private").size(), "Tor: private ignores the 6");
  }

  @Test
  void clientKind_ignoresPorts_andRefusesNames() {
    List<PolicyRule> rules =
        PolicySyntax.parse(List.of("accept 127.0.0.1:9050", "reject *"), Kind.CLIENT);
    assertEquals("[accept 127.0.0.1/32:*, reject *:*]", rules.toString());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PolicySyntax.parse(List.of("accept example.com"), Kind.CLIENT));
    assertTrue(e.getMessage().startsWith("'example.com'"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "accept 1.2.3.4/33                | '1.2.3.4/33': mask /33 is longer than 32 bits",
        "accept [::1]/129                 | '[::1]/129': mask /129 is longer than 128 bits",
        "reject 1.2.3.4:0-99999           | '0-99999': a port is *, N or N-M",
        "reject 1.2.3.4:80-22             | '80-22': the port range runs backwards",
        "reject 1.2.3.4:                  | '': a port is *, N or N-M",
        "reject ::1:80                    | '::1:80': an IPv6 address goes in brackets",
        "reject [::1:80                   | '[::1:80': an IPv6 address without its closing ']'",
        "reject [1.2.3.4]                 | '[1.2.3.4]': not an IPv6 address",
        "reject ex*ample.com              | 'ex*ample.com': '*' may only be a whole first label",
        "reject *.*.example.com           | '*.*.example.com': '*' may only be a whole first label",
        "reject a..b                      | 'a..b': neither an address nor a host name",
        "reject 999.1.1.1                 | '999.1.1.1': neither an address nor a host name",
        "reject6 1.2.3.4                  | '1.2.3.4': an IPv4 address on an accept6/reject6 line",
        "accept4 [::1]                    | '[::1]': an IPv6 address on an accept4/reject4 line",
        "accept6 *4                       | '*4': this wildcard never matches",
        "accept6 example.com              | 'example.com': accept6/reject6 take addresses",
        "allow *                          | 'allow': expected accept or reject",
        "accept5 *                        | 'accept5': expected accept or reject",
        "accept                           | 'accept': expected",
        "accept * extra                   | 'accept * extra': expected",
        "accept 1.2.3.4/255.0.255.0       | '1.2.3.4/255.0.255.0': a dotted mask must be contiguous",
        "accept 1.2.3.4/+8                | '1.2.3.4/+8': a mask is /N",
        "accept /8                        | '/8': a mask needs an address before it",
      })
  void badEntries_nameTheToken(String entry, String messageStart) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> exit(entry), entry);
    assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
  }

  @Test
  void emptyEntries_areErrors() {
    for (String bad : List.of("", " ", "accept *,", ",accept *", "accept *,,reject *")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> exit(bad));
      assertTrue(e.getMessage().startsWith("an empty entry"), bad + ": " + e.getMessage());
    }
  }

  @Test
  void ruleCount_isBounded() {
    List<String> many = Collections.nCopies(PolicySyntax.MAX_RULES, "reject 1.2.3.4");
    assertEquals(PolicySyntax.MAX_RULES, PolicySyntax.parse(many, Kind.EXIT).size());
    List<String> tooMany = Collections.nCopies(PolicySyntax.MAX_RULES + 1, "reject 1.2.3.4");
    assertThrows(IllegalArgumentException.class, () -> PolicySyntax.parse(tooMany, Kind.EXIT));
    String longEntry = "reject " + "a".repeat(PolicySyntax.MAX_ENTRY);
    assertThrows(IllegalArgumentException.class, () -> exit(longEntry));
  }

  @Test
  void networks_matchByPrefix() {
    RuleTarget net = exit("reject 10.1.0.0/15").get(0).target();
    assertTrue(net.matches(Requests.ip("10.0.255.255")));
    assertFalse(net.matches(Requests.ip("10.2.0.0")));
    assertFalse(net.matches(Requests.ip("::ffff:1.2.3.4")), "family matters");
    RuleTarget v6 = exit("reject [2001:db8::]/33").get(0).target();
    assertTrue(v6.matches(Requests.ip("2001:db8:7fff::1")));
    assertFalse(v6.matches(Requests.ip("2001:db8:8000::1")));
    assertFalse(v6.matches(Requests.ip("10.0.0.1")));
    RuleTarget all = exit("reject 0.0.0.0/0").get(0).target();
    assertTrue(all.matches(Requests.ip("255.255.255.255")));
    assertFalse(all.matches(Requests.ip("::1")));
  }

  @Test
  void names_matchExactlyOrAsSubdomains() {
    RuleTarget exact = exit("reject example.com").get(0).target();
    RuleTarget subs = exit("reject *.example.com").get(0).target();
    assertTrue(exact.matchesName("example.com"));
    assertFalse(exact.matchesName("www.example.com"));
    assertTrue(subs.matchesName("www.example.com"));
    assertTrue(subs.matchesName("a.b.example.com"));
    assertFalse(subs.matchesName("example.com"), "not the name itself");
    assertFalse(subs.matchesName("badexample.com"));
    assertFalse(exact.matches(Requests.ip("1.2.3.4")));
  }
}
