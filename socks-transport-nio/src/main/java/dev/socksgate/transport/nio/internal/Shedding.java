package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.model.ClientInfo;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Overload shedding: the unfinished handshakes of all loops, oldest first, so that a newcomer at
 * the connection cap can take the slot of the oldest handshake that has waited longer than {@link
 * #GRACE_NANOS}. Established relays and pending requests are never here: a connection leaves when
 * its handshake completes.
 *
 * <p>Each connection holds a {@link Ticket} from admission to close. Its state decides, once, who
 * owns the connection slot: the connection (which gives it back when it closes) or the newcomer it
 * was shed for (the shed connection's close then gives nothing back). Races between a shed and the
 * victim's own progress are settled by one compare-and-set on that state. Thread-safe; the set
 * holds at most one entry per counted connection, so it is bounded by the cap.
 */
final class Shedding {

  /**
   * How long a handshake may wait before a newcomer at the cap may shed it: long enough that a real
   * client on a slow link (a few round trips at satellite or mobile latency) finishes its greeting,
   * short against SocksTimeout's 120 s, which is the window an attacker's stalled greetings would
   * otherwise hold the slots.
   */
  static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

  // Victims skipped per admission when their handshakes end concurrently: bounds the work.
  private static final int MAX_TRIES = 16;

  private static final int HANDSHAKING = 0;
  private static final int DONE = 1;
  private static final int SHED = 2;
  private static final int CLOSED = 3;

  private final LongSupplier clock;
  private final AtomicLong sequence = new AtomicLong();
  private final ConcurrentSkipListSet<Ticket> handshakes =
      new ConcurrentSkipListSet<>(
          Comparator.comparingLong((Ticket t) -> t.startNanos).thenComparingLong(t -> t.id));

  Shedding(LongSupplier clock) {
    this.clock = clock;
  }

  /** Registers an admitted connection as handshaking, now. */
  Ticket enter(ClientInfo info, EventLoop loop) {
    Ticket t = new Ticket(this, info, loop, clock.getAsLong(), sequence.getAndIncrement());
    handshakes.add(t);
    return t;
  }

  /**
   * Sheds the oldest handshake that has waited longer than the grace: its slot now belongs to the
   * caller, and its loop is asked to close it. Empty if there is none.
   */
  Optional<Ticket> shedOldest() {
    long now = clock.getAsLong();
    int tries = 0;
    for (Ticket t : handshakes) { // oldest first; weakly consistent under concurrent changes
      if (tries++ == MAX_TRIES || now - t.startNanos < GRACE_NANOS) {
        return Optional.empty(); // the oldest left is still young: so are the others
      }
      handshakes.remove(t);
      if (t.state.compareAndSet(HANDSHAKING, SHED)) {
        t.loop.tryExecute(t::closeShed); // a stopped loop closes it anyway, without release
        return Optional.of(t);
      }
      // finished or closed meanwhile: it was leaving the set on its own
    }
    return Optional.empty();
  }

  /** Returns the number of registered handshakes (for tests). */
  int handshakes() {
    return handshakes.size();
  }

  /** One connection's claim on its slot and its place among the handshakes. */
  static final class Ticket {
    private final Shedding owner;
    private volatile ClientInfo info;
    private final EventLoop loop;
    private final long startNanos;
    private final long id;
    private final AtomicInteger state = new AtomicInteger(HANDSHAKING);
    private volatile Runnable onShed = () -> {};

    private Ticket(Shedding owner, ClientInfo info, EventLoop loop, long startNanos, long id) {
      this.owner = owner;
      this.info = info;
      this.loop = loop;
      this.startNanos = startNanos;
      this.id = id;
    }

    /** The shed connection's client. */
    ClientInfo info() {
      return info;
    }

    /** The client is the one a PROXY header carried, not the socket's peer (the balancer). */
    void carried(ClientInfo client) {
      this.info = client;
    }

    /** Sets what closes the connection when it is shed; on its loop, before it can be shed. */
    void onShed(Runnable close) {
      this.onShed = close;
    }

    /**
     * The handshake completed: the connection can no longer be shed. Returns false if it was shed
     * first; the connection must then close.
     */
    boolean handshakeDone() {
      owner.handshakes.remove(this);
      return state.compareAndSet(HANDSHAKING, DONE);
    }

    /** The connection closes: returns true if it still owns its slot and must give it back. */
    boolean close() {
      owner.handshakes.remove(this);
      while (true) {
        int s = state.get();
        if (s == SHED || s == CLOSED) {
          return false;
        }
        if (state.compareAndSet(s, CLOSED)) {
          return true;
        }
      }
    }

    private void closeShed() {
      onShed.run();
    }
  }
}
