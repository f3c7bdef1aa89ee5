package dev.socksgate.core.port;

import dev.socksgate.core.model.IsolationKey;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Name lookups, for Tor's RESOLVE and RESOLVE_PTR (socks-extensions §2) and for exits that connect
 * by name. Implementations must bound their own work (queue length, time) and never block the
 * caller.
 */
public interface Resolver {

  /**
   * Looks up the addresses of a host name.
   *
   * @param name a lower-case host name that is not an IP literal
   * @param key the isolation key of the stream that asks (an upstream resolver uses it to keep
   *     lookups apart; a local one may ignore it)
   * @return the addresses in preference order; an empty list when the name has none. Exceptional
   *     completion also means "no answer".
   */
  CompletionStage<List<InetAddress>> resolve(String name, IsolationKey key);

  /**
   * Looks up the name of an address (a PTR lookup).
   *
   * @param address the address
   * @param key the isolation key of the stream that asks
   * @return the name, or empty when there is none. Never the address literal itself.
   */
  CompletionStage<Optional<String>> reverse(InetAddress address, IsolationKey key);
}
