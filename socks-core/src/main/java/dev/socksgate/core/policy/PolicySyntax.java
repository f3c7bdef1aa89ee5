package dev.socksgate.core.policy;

import dev.socksgate.core.model.HostNames;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads policies in Tor's torrc syntax: a comma-separated list of {@code accept|reject[4|6]
 * TARGET[:PORTS]} entries, where TARGET is {@code *}, {@code *4}, {@code *6}, {@code private}, an
 * IPv4 address {@code a.b.c.d[/bits]} (a dotted mask such as {@code /255.255.0.0} also works), or
 * an IPv6 address in brackets {@code [addr][/bits]}; PORTS is {@code *}, {@code N} or {@code N-M}
 * and defaults to {@code *}. An exit policy also takes host names: {@code example.com} (that name)
 * and {@code *.example.com} (its subdomains).
 *
 * <p>As in Tor: {@code *} on a plain line covers both families, on a {@code 4}/{@code 6} line only
 * that family; {@code private} expands to Tor's private networks whatever the suffix; host bits
 * under the mask are cleared. Stricter than Tor: an IPv4 address on an {@code accept6} line (and
 * IPv6 on {@code accept4}) is an error, where Tor drops the line with a warning, because a rule
 * that can never match is a mistake worth stopping for. Every error names the offending token.
 *
 * <p>Stateless; performs no lookup.
 */
public final class PolicySyntax {

  /** The most rules one policy may hold, after {@code private} is expanded. */
  public static final int MAX_RULES = 4096;

  /** Longest entry read; a longer one is refused before it is looked at. */
  static final int MAX_ENTRY = 512;

  /** Which policy is being read: a client policy takes no names, and ignores ports. */
  public enum Kind {
    /** Tor's SocksPolicy: addresses only; a port part is read and ignored, as in Tor. */
    CLIENT,
    /** Tor's ExitPolicy, with host-name targets. */
    EXIT
  }

  /** Tor's private networks ({@code policies.c}, {@code private_nets}). */
  private static final String[] PRIVATE = {
    "0.0.0.0/8", "169.254.0.0/16", "127.0.0.0/8", "192.168.0.0/16", "10.0.0.0/8", "172.16.0.0/12",
    "[::]/8", "[fc00::]/7", "[fe80::]/10", "[fec0::]/10", "[ff00::]/8", "[::]/127"
  };

  private PolicySyntax() {}

  /**
   * Parses option values, each a comma-separated list of entries, into one rule list in order.
   *
   * @throws IllegalArgumentException naming the offending entry and token
   */
  public static List<PolicyRule> parse(List<String> values, Kind kind) {
    List<PolicyRule> rules = new ArrayList<>();
    for (String value : values) {
      for (String entry : value.split(",", -1)) {
        parseEntry(entry, kind, rules);
        if (rules.size() > MAX_RULES) {
          throw new IllegalArgumentException("more than " + MAX_RULES + " rules");
        }
      }
    }
    return List.copyOf(rules);
  }

  private static void parseEntry(String raw, Kind kind, List<PolicyRule> out) {
    String entry = raw.strip();
    if (entry.isEmpty()) {
      throw new IllegalArgumentException("an empty entry (two commas, or a comma at an end)");
    }
    if (entry.length() > MAX_ENTRY) {
      throw new IllegalArgumentException("an entry longer than " + MAX_ENTRY + " characters");
    }
    int gap = 0;
    while (gap < entry.length() && !Character.isWhitespace(entry.charAt(gap))) {
      gap++;
    }
    String[] words = {entry.substring(0, gap), entry.substring(gap).strip()};
    if (words[1].isEmpty() || words[1].chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "'" + entry + "': expected 'accept|reject[4|6] TARGET[:PORTS]'");
    }
    String verb = words[0].toLowerCase(Locale.ROOT);
    boolean accept;
    if (verb.startsWith("accept")) {
      accept = true;
    } else if (verb.startsWith("reject")) {
      accept = false;
    } else {
      throw new IllegalArgumentException("'" + words[0] + "': expected accept or reject");
    }
    String suffix = verb.substring(6);
    if (!suffix.isEmpty() && !suffix.equals("4") && !suffix.equals("6")) {
      throw new IllegalArgumentException("'" + words[0] + "': expected accept or reject");
    }
    new Entry(words[1], accept, suffix, kind, out).read();
  }

  /** One entry's target and ports. */
  private static final class Entry {
    private final String spec;
    private final boolean accept;
    private final String suffix;
    private final Kind kind;
    private final List<PolicyRule> out;

    Entry(String spec, boolean accept, String suffix, Kind kind, List<PolicyRule> out) {
      this.spec = spec;
      this.accept = accept;
      this.suffix = suffix;
      this.kind = kind;
      this.out = out;
    }

    void read() {
      int colon;
      if (spec.startsWith("[")) {
        int close = spec.indexOf(']');
        if (close < 0) {
          throw error(spec, "an IPv6 address without its closing ']'");
        }
        colon = spec.indexOf(':', close);
      } else {
        colon = spec.indexOf(':');
        if (colon >= 0 && spec.indexOf(':', colon + 1) >= 0) {
          throw error(spec, "an IPv6 address goes in brackets, as [::1]:80");
        }
      }
      String host = colon < 0 ? spec : spec.substring(0, colon);
      PortRange ports = colon < 0 ? PortRange.ALL : ports(spec.substring(colon + 1));
      PortRange applied = kind == Kind.CLIENT ? PortRange.ALL : ports;
      for (RuleTarget target : targets(host)) {
        out.add(new PolicyRule(accept, target, applied));
      }
    }

    private List<RuleTarget> targets(String host) {
      String keyword = host.toLowerCase(Locale.ROOT);
      switch (keyword) {
        case "*" -> {
          return List.of(new RuleTarget.AnyAddress(family()));
        }
        case "*4" -> {
          return List.of(new RuleTarget.AnyAddress(checked(RuleTarget.Family.IPV4, host)));
        }
        case "*6" -> {
          return List.of(new RuleTarget.AnyAddress(checked(RuleTarget.Family.IPV6, host)));
        }
        case "private" -> {
          List<RuleTarget> nets = new ArrayList<>(PRIVATE.length);
          for (String p : PRIVATE) {
            nets.add(network(p));
          }
          return nets;
        }
        default -> {
          // an address or a name, below
        }
      }
      int slash = host.indexOf('/');
      String address = slash < 0 ? host : host.substring(0, slash);
      boolean bracketed = address.startsWith("[");
      if (bracketed && !address.endsWith("]")) {
        throw error(host, "unexpected text after ']'");
      }
      Optional<InetAddress> literal = bracketed ? HostNames.parseLiteral(address) : ipv4(address);
      if (literal.isEmpty()) {
        if (bracketed) {
          throw error(host, "not an IPv6 address");
        }
        if (slash >= 0) {
          throw error(host, "a mask needs an address before it");
        }
        return List.of(name(host));
      }
      InetAddress a = literal.get();
      boolean v4 = a instanceof Inet4Address;
      if (suffix.equals("6") && v4) {
        throw error(host, "an IPv4 address on an accept6/reject6 line never matches");
      }
      if (suffix.equals("4") && !v4) {
        throw error(host, "an IPv6 address on an accept4/reject4 line never matches");
      }
      int width = v4 ? 32 : 128;
      int bits = slash < 0 ? width : mask(host, host.substring(slash + 1), width, v4);
      return List.of(new RuleTarget.Network(a, bits));
    }

    private RuleTarget.Family family() {
      return switch (suffix) {
        case "4" -> RuleTarget.Family.IPV4;
        case "6" -> RuleTarget.Family.IPV6;
        default -> RuleTarget.Family.BOTH;
      };
    }

    private RuleTarget.Family checked(RuleTarget.Family wanted, String token) {
      if (!suffix.isEmpty() && family() != wanted) {
        throw error(token, "this wildcard never matches on an " + suffix + " line");
      }
      return wanted;
    }

    private RuleTarget name(String host) {
      if (kind == Kind.CLIENT) {
        throw error(host, "not an address (a client policy takes addresses, not names)");
      }
      if (!suffix.isEmpty()) {
        throw error(host, "accept" + suffix + "/reject" + suffix + " take addresses, not names");
      }
      boolean subdomains = host.startsWith("*.");
      String name = subdomains ? host.substring(2) : host;
      if (name.indexOf('*') >= 0) {
        throw error(host, "'*' may only be a whole first label, as in *.example.com");
      }
      if (!HostNames.isValidHostname(name) || name.length() > 254 || lastLabelIsNumeric(name)) {
        throw error(host, "neither an address nor a host name");
      }
      return subdomains ? new RuleTarget.Subdomains(name) : new RuleTarget.Name(name);
    }

    private PortRange ports(String text) {
      if (text.equals("*")) {
        return PortRange.ALL;
      }
      int dash = text.indexOf('-');
      int low = port(dash < 0 ? text : text.substring(0, dash), text);
      int high = dash < 0 ? low : port(text.substring(dash + 1), text);
      if (low > high) {
        throw error(text, "the port range runs backwards");
      }
      return new PortRange(low, high);
    }

    private static int port(String digits, String token) {
      int v = number(digits, 5);
      if (v < 0 || v > 65535) {
        throw error(token, "a port is *, N or N-M with N and M from 0 to 65535");
      }
      return v;
    }

    private static int mask(String token, String text, int width, boolean v4) {
      if (v4 && text.indexOf('.') >= 0) {
        Optional<InetAddress> m = ipv4(text);
        if (m.isPresent()) {
          int bits = Integer.bitCount(toInt(m.get().getAddress()));
          if (toInt(m.get().getAddress()) == (bits == 0 ? 0 : -1 << (32 - bits))) {
            return bits;
          }
        }
        throw error(token, "a dotted mask must be contiguous, as 255.255.0.0");
      }
      int bits = number(text, 3);
      if (bits < 0) {
        throw error(token, "a mask is /N");
      }
      if (bits > width) {
        throw error(token, "mask /" + bits + " is longer than " + width + " bits");
      }
      return bits;
    }

    private static RuleTarget network(String text) {
      int slash = text.indexOf('/');
      InetAddress a = HostNames.parseLiteral(text.substring(0, slash)).orElseThrow();
      return new RuleTarget.Network(a, Integer.parseInt(text.substring(slash + 1)));
    }
  }

  private static Optional<InetAddress> ipv4(String s) {
    return s.indexOf(':') >= 0
        ? Optional.empty()
        : HostNames.parseLiteral(s).filter(a -> a instanceof Inet4Address);
  }

  private static boolean lastLabelIsNumeric(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    String last = n.substring(n.lastIndexOf('.') + 1);
    return number(last, 10) >= 0;
  }

  /** Parses 1 to {@code maxDigits} ASCII digits; -1 if {@code s} is anything else. */
  private static int number(String s, int maxDigits) {
    if (s.isEmpty() || s.length() > maxDigits) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int toInt(byte[] b) {
    return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
  }

  private static IllegalArgumentException error(String token, String why) {
    return new IllegalArgumentException("'" + token + "': " + why);
  }
}
