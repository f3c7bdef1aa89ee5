package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.policy.AddressKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What one admitted connection holds until it closes: its slot under the connection cap (unless
 * overload shedding passed it on, see {@link Shedding}), its count under the per-address limit,
 * and, once authenticated, its count under the per-user limit. Taken on the acceptor's loop, given
 * back on the connection's loop: the counters are thread-safe, and this object is touched by one
 * thread at a time (handed over through the loop's queue).
 */
final class Admission {

  private final ServerContext ctx;
  private final AddressKey address;
  private final Shedding.Ticket ticket;
  private final int listener;
  private final InetSocketAddress local;
  private Optional<String> user = Optional.empty();
  private boolean released;

  Admission(
      ServerContext ctx,
      AddressKey address,
      Shedding.Ticket ticket,
      int listener,
      InetSocketAddress local) {
    this.ctx = ctx;
    this.listener = listener;
    this.local = local;
    this.address = address;
    this.ticket = ticket;
  }

  /** The listener's place in the statistics. */
  int listener() {
    return listener;
  }

  /** The listener's bound address. */
  InetSocketAddress local() {
    return local;
  }

  /** The connection's place among the handshakes that overload shedding may close. */
  Shedding.Ticket ticket() {
    return ticket;
  }

  /**
   * The per-user key of RFC 1929 UNAME bytes: one char per byte, so distinct names stay distinct.
   */
  static String user(byte[] username) {
    return new String(username, StandardCharsets.ISO_8859_1);
  }

  /** Counts this connection for {@code name}; false if that user is at its limit. Once only. */
  boolean acquireUser(String name) {
    if (released || user.isPresent()) {
      throw new IllegalStateException("user already counted or connection released");
    }
    if (!ctx.settings().clientLimits().perUser().tryAcquire(name)) {
      return false;
    }
    user = Optional.of(name);
    return true;
  }

  /**
   * Returns the user this connection is counted for (RFC 1929 UNAME, see {@link #user(byte[])}).
   */
  Optional<String> user() {
    return user;
  }

  /** Gives back everything this connection holds. Idempotent. */
  void release() {
    if (released) {
      return;
    }
    released = true;
    ctx.settings().clientLimits().perAddress().release(address);
    user.ifPresent(name -> ctx.settings().clientLimits().perUser().release(name));
    if (ticket.close()) {
      ctx.release(); // a shed connection's slot has passed to the newcomer already
    }
  }
}
