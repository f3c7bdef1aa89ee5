package dev.socksgate.transport.nio;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only "DNS" of the tests: lookup functions over in-memory maps, for {@link JdkResolver}.
 * Nothing here ever reaches a real resolver.
 */
final class FakeNames {

  private final Map<String, List<InetAddress>> forward = new ConcurrentHashMap<>();
  private final Map<InetAddress, String> reverse = new ConcurrentHashMap<>();

  FakeNames name(String name, InetAddress... addresses) {
    forward.put(name, List.of(addresses));
    return this;
  }

  FakeNames ptr(InetAddress address, String name) {
    reverse.put(address, name);
    return this;
  }

  InetAddress[] lookup(String name) throws UnknownHostException {
    List<InetAddress> a = forward.get(name);
    if (a == null || a.isEmpty()) {
      throw new UnknownHostException("not in the test's names");
    }
    return a.toArray(InetAddress[]::new);
  }

  Optional<String> lookupPtr(InetAddress address) {
    return Optional.ofNullable(reverse.get(address));
  }

  JdkResolver resolver() {
    return new JdkResolver(2, 64, this::lookup, this::lookupPtr);
  }

  /** Loopback addresses as literals: never a lookup. */
  static InetAddress v4() {
    return address(new byte[] {127, 0, 0, 1});
  }

  static InetAddress v6() {
    byte[] b = new byte[16];
    b[15] = 1;
    return address(b);
  }

  static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
