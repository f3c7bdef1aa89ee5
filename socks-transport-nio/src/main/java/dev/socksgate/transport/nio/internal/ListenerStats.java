package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.handshake.HandshakeError;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.transport.nio.TransportStats;
import dev.socksgate.transport.nio.TransportStats.HandshakeEnd;
import dev.socksgate.transport.nio.TransportStats.Refusal;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One event loop's counters for one listener, in one flat {@link StatCells} array (a fixed layout
 * of bounded label sets), plus its duration histograms. Recorded on the loop thread: an increment
 * is one opaque write, so the hot path takes no lock and no shared atomic; bytes are added once per
 * read batch by the relay. {@link #merge} sums the loops' parts at scrape time.
 *
 * <p>Writer: the owning loop thread only. Readers: any thread.
 */
// Ordinals index a layout built from values() in the same run and never stored or sent: an enum
// that grows only moves the offsets. EnumMaps per event would allocate on the hot path.
@SuppressWarnings("EnumOrdinal")
final class ListenerStats {

  private static final Refusal[] REASONS = Refusal.values();
  private static final SocksProtocol[] PROTOCOLS = SocksProtocol.values();
  private static final HandshakeError.Kind[] KINDS = HandshakeError.Kind.values();
  private static final StreamCommand[] COMMANDS = StreamCommand.values();
  private static final StreamFailure[] FAILURES = StreamFailure.values();

  // Handshake outcomes: OK, TIMED_OUT, CLOSED, then one per failure kind; protocols: unknown first.
  private static final int HS_OUTCOMES = 3 + KINDS.length;
  private static final int STREAM_OUTCOMES = 1 + FAILURES.length; // success first

  private static final int ACCEPTED = 0;
  private static final int BYTES_UP = 1;
  private static final int BYTES_DOWN = 2;
  private static final int ACTIVE_CONNECTIONS = 3;
  private static final int ACTIVE_RELAYS = 4;
  private static final int REFUSED = 5;
  private static final int HANDSHAKES = REFUSED + REASONS.length;
  private static final int STREAMS = HANDSHAKES + (PROTOCOLS.length + 1) * HS_OUTCOMES;
  private static final int SIZE = STREAMS + COMMANDS.length * STREAM_OUTCOMES;

  private final StatCells cells = new StatCells(SIZE);
  final DurationHistogram handshakeDuration = new DurationHistogram();
  final DurationHistogram connectDuration = new DurationHistogram();
  final DurationHistogram resolveDuration = new DurationHistogram();
  final DurationHistogram streamDuration = new DurationHistogram();

  void accepted() {
    cells.increment(ACCEPTED);
  }

  void refused(Refusal reason) {
    cells.increment(REFUSED + reason.ordinal());
  }

  void connectionOpened() {
    cells.increment(ACTIVE_CONNECTIONS);
  }

  void connectionClosed() {
    cells.add(ACTIVE_CONNECTIONS, -1);
  }

  void relayOpened() {
    cells.increment(ACTIVE_RELAYS);
  }

  void relayClosed() {
    cells.add(ACTIVE_RELAYS, -1);
  }

  void bytesUp(long n) {
    cells.add(BYTES_UP, n);
  }

  void bytesDown(long n) {
    cells.add(BYTES_DOWN, n);
  }

  /** A complete request in {@code protocol}, after {@code nanos} since accept. */
  void handshakeOk(SocksProtocol protocol, long nanos) {
    cells.increment(handshake(protocol.ordinal() + 1, 0));
    handshakeDuration.observe(nanos);
  }

  /** A failed handshake; {@code version} is the engine's (0 unknown, 4 or 5). */
  void handshakeFailed(int version, HandshakeError.Kind kind) {
    cells.increment(handshake(versionIndex(version), 3 + kind.ordinal()));
  }

  /** A handshake that ended without a request or a failure: timed out or closed. */
  void handshakeEnded(int version, boolean timedOut) {
    cells.increment(handshake(versionIndex(version), timedOut ? 1 : 2));
  }

  /** A request's outcome (empty failure: success), {@code nanos} after the request was complete. */
  void stream(StreamCommand command, Optional<StreamFailure> failure, long nanos) {
    int outcome = failure.map(f -> 1 + f.ordinal()).orElse(0);
    cells.increment(STREAMS + command.ordinal() * STREAM_OUTCOMES + outcome);
    (command == StreamCommand.CONNECT ? connectDuration : resolveDuration).observe(nanos);
  }

  private static int handshake(int protocol, int outcome) {
    return HANDSHAKES + protocol * HS_OUTCOMES + outcome;
  }

  private static int versionIndex(int version) {
    // SOCKS4 and SOCKS4a share the version byte: before a request, a failure is "socks4".
    return switch (version) {
      case 4 -> SocksProtocol.SOCKS4.ordinal() + 1;
      case 5 -> SocksProtocol.SOCKS5.ordinal() + 1;
      default -> 0;
    };
  }

  /** Sums one listener's parts (one per loop). Any thread. */
  static TransportStats.Listener merge(InetSocketAddress address, List<ListenerStats> parts) {
    long[] sum = new long[SIZE];
    for (ListenerStats p : parts) {
      for (int i = 0; i < SIZE; i++) {
        sum[i] += p.cells.get(i);
      }
    }
    Map<Refusal, Long> refused = new EnumMap<>(Refusal.class);
    for (Refusal r : REASONS) {
      refused.put(r, sum[REFUSED + r.ordinal()]);
    }
    return new TransportStats.Listener(
        address,
        sum[ACCEPTED],
        refused,
        handshakes(sum),
        streams(sum),
        sum[BYTES_UP],
        sum[BYTES_DOWN],
        sum[ACTIVE_CONNECTIONS],
        sum[ACTIVE_RELAYS],
        DurationHistogram.merge(parts.stream().map(p -> p.handshakeDuration).toList()),
        DurationHistogram.merge(parts.stream().map(p -> p.connectDuration).toList()),
        DurationHistogram.merge(parts.stream().map(p -> p.resolveDuration).toList()),
        DurationHistogram.merge(parts.stream().map(p -> p.streamDuration).toList()));
  }

  private static List<TransportStats.Handshakes> handshakes(long[] sum) {
    List<TransportStats.Handshakes> out = new ArrayList<>();
    for (int p = 0; p <= PROTOCOLS.length; p++) {
      Optional<SocksProtocol> protocol = p == 0 ? Optional.empty() : Optional.of(PROTOCOLS[p - 1]);
      for (int o = 0; o < HS_OUTCOMES; o++) {
        long n = sum[handshake(p, o)];
        if (n == 0 && !(o == 0 && p > 0)) {
          continue; // only the OK entry of a known protocol is listed while zero
        }
        HandshakeEnd end =
            switch (o) {
              case 0 -> HandshakeEnd.OK;
              case 1 -> HandshakeEnd.TIMED_OUT;
              case 2 -> HandshakeEnd.CLOSED;
              default -> HandshakeEnd.FAILED;
            };
        Optional<HandshakeError.Kind> kind = o >= 3 ? Optional.of(KINDS[o - 3]) : Optional.empty();
        out.add(new TransportStats.Handshakes(protocol, end, kind, n));
      }
    }
    return out;
  }

  private static List<TransportStats.Streams> streams(long[] sum) {
    List<TransportStats.Streams> out = new ArrayList<>();
    for (StreamCommand c : COMMANDS) {
      for (int o = 0; o < STREAM_OUTCOMES; o++) {
        long n = sum[STREAMS + c.ordinal() * STREAM_OUTCOMES + o];
        if (n == 0 && o != 0) {
          continue; // the success entry is listed while zero, failures once they happen
        }
        Optional<StreamFailure> f = o == 0 ? Optional.empty() : Optional.of(FAILURES[o - 1]);
        out.add(new TransportStats.Streams(c, f, n));
      }
    }
    return out;
  }
}
