package dev.socksgate.core.isolation;

import dev.socksgate.core.model.IsolationFlags;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.port.IsolationPolicy;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tor's isolation semantics (Tor reference §13 (docs/tor-reference.md)): the key holds each
 * component the request's listener isolates on (client address, SOCKS credentials, protocol,
 * destination port, destination address), the listener's session group, and an identity epoch that
 * {@link #newIdentity()} advances, so that no stream opened afterwards shares a key with an older
 * one (Tor's NEWNYM).
 *
 * <p>Thread-safe.
 */
public final class TorIsolationPolicy implements IsolationPolicy {

  private final AtomicLong epoch = new AtomicLong();

  /** Starts at identity epoch 0. */
  public TorIsolationPolicy() {}

  @Override
  public IsolationKey keyFor(StreamRequest request) {
    ListenerSettings listener = request.client().listener();
    IsolationFlags flags = listener.isolation();
    IsolationKey.Builder key = IsolationKey.builder(listener.sessionGroup(), epoch.get());
    if (flags.isolateClientAddr()) {
      key.clientAddr(request.client().remote().getAddress());
    }
    if (flags.isolateSocksAuth()) {
      key.socksAuth(request.credentials());
    }
    if (flags.isolateClientProtocol()) {
      key.protocol(request.protocol());
    }
    if (flags.isolateDestPort()) {
      key.destPort(request.target().port());
    }
    if (flags.isolateDestAddr()) {
      key.destAddr(request.target().host().toString());
    }
    return key.build();
  }

  /** Advances the identity epoch: streams keyed after this never share with earlier ones. */
  public long newIdentity() {
    return epoch.incrementAndGet();
  }

  /** Returns the current identity epoch. */
  public long currentEpoch() {
    return epoch.get();
  }
}
