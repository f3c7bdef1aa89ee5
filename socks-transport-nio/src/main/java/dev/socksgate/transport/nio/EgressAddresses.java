package dev.socksgate.transport.nio;

import dev.socksgate.core.model.IsolationKey;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-isolation-key source addresses for the direct exit ({@code --exit-bind}): the first stream of
 * a key gets the next address of the destination's family, round robin, and every later stream of
 * that key leaves from the same address. So different keys spread across the list, and an origin
 * sees one source address per key. The memory of keys is bounded ({@link #MAX_KEYS}, least recently
 * used forgotten first); a forgotten key gets a fresh choice, as after a new identity.
 *
 * <p>Thread-safe.
 */
public final class EgressAddresses {

  /** Most keys remembered. */
  public static final int MAX_KEYS = 65_536;

  private final List<InetAddress> v4 = new ArrayList<>();
  private final List<InetAddress> v6 = new ArrayList<>();
  private final Map<Object, InetAddress> chosen =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, InetAddress> eldest) {
          return size() > MAX_KEYS;
        }
      };
  private int nextV4;
  private int nextV6;

  /**
   * Creates the chooser over local addresses (IPv4 and IPv6 may be mixed).
   *
   * @throws IllegalArgumentException if the list is empty
   */
  public EgressAddresses(List<InetAddress> addresses) {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("at least one egress address is needed");
    }
    for (InetAddress a : addresses) {
      (a instanceof Inet6Address ? v6 : v4).add(Objects.requireNonNull(a));
    }
  }

  /**
   * Returns the source address for a stream of {@code key} to a destination of the given family, or
   * empty when the list has no address of that family (the system then chooses).
   */
  public synchronized Optional<InetAddress> choose(IsolationKey key, boolean ipv6) {
    List<InetAddress> family = ipv6 ? v6 : v4;
    if (family.isEmpty()) {
      return Optional.empty();
    }
    Object slot = List.of(key, ipv6);
    InetAddress a = chosen.get(slot);
    if (a == null) {
      a = ipv6 ? v6.get(nextV6++ % v6.size()) : v4.get(nextV4++ % v4.size());
      chosen.put(slot, a);
    }
    return Optional.of(a);
  }

  @Override
  public String toString() {
    return "EgressAddresses[" + v4.size() + " IPv4, " + v6.size() + " IPv6]";
  }
}
