package dev.socksgate.transport.nio;

import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5Request;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.transport.nio.internal.Closing;
import dev.socksgate.transport.nio.internal.UpstreamSession;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Lookups through an upstream SOCKS5 proxy with Tor's extensions: RESOLVE ({@code F0}) for names
 * and RESOLVE_PTR ({@code F1}) for addresses, each on its own upstream connection authenticated for
 * the asking stream's isolation key. So tor-resolve through this server reaches the upstream's
 * resolver, and no name is looked up locally. Any failure is "no answer". Thread-safe.
 */
public final class UpstreamResolver implements dev.socksgate.core.port.Resolver {

  private final NioTransport transport;
  private final Upstream upstream;

  /** Creates the resolver over the loops of {@code transport}. */
  public UpstreamResolver(NioTransport transport, Upstream upstream) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.upstream = Objects.requireNonNull(upstream, "upstream");
  }

  @Override
  public CompletionStage<List<InetAddress>> resolve(String name, IsolationKey key) {
    return ask(new Socks5Request(Socks5Command.RESOLVE, SocksAddress.domain(name), 0), key)
        .thenApply(bnd -> bnd.flatMap(UpstreamResolver::address).map(List::of).orElse(List.of()));
  }

  @Override
  public CompletionStage<Optional<String>> reverse(InetAddress address, IsolationKey key) {
    return ask(new Socks5Request(Socks5Command.RESOLVE_PTR, SocksAddress.of(address), 0), key)
        .thenApply(
            bnd ->
                bnd.filter(a -> a instanceof SocksAddress.Domain)
                    .map(a -> ((SocksAddress.Domain) a).name().asString()));
  }

  private CompletionStage<Optional<SocksAddress>> ask(Socks5Request request, IsolationKey key) {
    return UpstreamSessions.open(transport, upstream, key, request, ByteBuffer.allocate(0))
        .thenApply(
            o -> {
              if (o instanceof UpstreamSession.Opened opened) {
                Closing.quietly(
                    opened.channel()); // one answer per connection, as Tor closes after it
                return opened.reply().bndAddr();
              }
              return Optional.<SocksAddress>empty();
            });
  }

  private static Optional<InetAddress> address(SocksAddress a) {
    if (a instanceof SocksAddress.Ipv4 v4) {
      return Optional.of(v4.address());
    }
    if (a instanceof SocksAddress.Ipv6 v6) {
      return Optional.of(v6.address());
    }
    return Optional.empty();
  }
}
