package dev.socksgate.transport.nio;

import dev.socksgate.core.handshake.HandshakeError;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamFailure;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server counted since it started, summed over its event loops at the moment of the call
 * ({@link NioSocksServer#stats()}): per listener, the connections, handshakes, streams, bytes and
 * durations; per loop, its work and its buffers. Counting costs the event loops no lock and no
 * shared atomic: each loop keeps its own counters and this snapshot adds them up. A snapshot is not
 * atomic across counters (an event may show in one count and not yet in another); every count is
 * monotone between snapshots, except the gauges.
 *
 * <p>Nothing here names a client, a destination or a user: every label is from a bounded set, so
 * that an exporter built on it cannot leak what SafeLogging hides. Immutable.
 *
 * @param listeners one entry per listener, in configuration order
 * @param loops one entry per event loop
 */
public record TransportStats(List<Listener> listeners, List<Loop> loops) {

  /**
   * The upper bounds of the duration histograms' buckets, in nanoseconds, ascending (1 ms to 1 h);
   * every histogram has one more bucket, for larger values.
   */
  public static final List<Long> BUCKET_BOUNDS_NANOS =
      List.of(
          1_000_000L,
          5_000_000L,
          10_000_000L,
          25_000_000L,
          50_000_000L,
          100_000_000L,
          250_000_000L,
          500_000_000L,
          1_000_000_000L,
          2_500_000_000L,
          5_000_000_000L,
          10_000_000_000L,
          30_000_000_000L,
          60_000_000_000L,
          300_000_000_000L,
          3_600_000_000_000L);

  /** Copies the lists. */
  public TransportStats {
    listeners = List.copyOf(listeners);
    loops = List.copyOf(loops);
  }

  /** Why an accepted connection was closed before it was served. Open for more reasons. */
  public enum Refusal {
    /** {@code --max-connections} reached and no stalled handshake to shed. */
    CAP,
    /** The client policy ({@code --socks-policy}) refuses the client's address. */
    POLICY,
    /** {@code --max-connections-per-address} reached for the client's address (or /64). */
    PER_ADDRESS,
    /** A stalled handshake closed to make room for a newcomer at the cap (counted where it was). */
    SHED,
    /** Correct RFC 1929 credentials refused: {@code --max-connections-per-user} reached. */
    PER_USER,
    /**
     * A ProxyProtocol listener's peer is not in {@code --proxy-protocol-from}: closed at accept.
     */
    PROXY_UNTRUSTED
  }

  /** How a handshake ended. */
  public enum HandshakeEnd {
    /** A complete request went to the use case. */
    OK,
    /** The core's engine failed it: see {@link Handshakes#failure()}. */
    FAILED,
    /** SocksTimeout expired before the request was complete (closed silently, as Tor). */
    TIMED_OUT,
    /** The client closed, the connection failed, or the server closed it before the end. */
    CLOSED
  }

  /**
   * A handshake count.
   *
   * @param protocol the protocol, once known (a failure can come before the first byte decided it;
   *     SOCKS4 and SOCKS4a are told apart only on success)
   * @param end how the handshakes ended
   * @param failure the engine's failure kind, present exactly when {@code end} is FAILED
   * @param count how many
   */
  public record Handshakes(
      Optional<SocksProtocol> protocol,
      HandshakeEnd end,
      Optional<HandshakeError.Kind> failure,
      long count) {
    /** Checks that a failure kind is given exactly for FAILED. */
    public Handshakes {
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(end, "end");
      if (failure.isPresent() != (end == HandshakeEnd.FAILED)) {
        throw new IllegalArgumentException("failure kind exactly for FAILED");
      }
    }
  }

  /**
   * A stream count: requests answered, by command and outcome.
   *
   * @param command the request's command
   * @param failure empty for success (a relay started, or a RESOLVE answered), else why it failed
   * @param count how many
   */
  public record Streams(StreamCommand command, Optional<StreamFailure> failure, long count) {}

  /**
   * A duration histogram.
   *
   * @param counts observations per bucket (not cumulative), one more than {@link
   *     #BUCKET_BOUNDS_NANOS}: the last is for larger values
   * @param sumNanos the sum of every observation
   */
  public record Histogram(List<Long> counts, long sumNanos) {
    /** Copies the list. */
    public Histogram {
      counts = List.copyOf(counts);
      if (counts.size() != BUCKET_BOUNDS_NANOS.size() + 1) {
        throw new IllegalArgumentException("one count per bucket");
      }
    }

    /** Returns the number of observations. */
    public long count() {
      return counts.stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * One listener's counts.
   *
   * @param address the bound address (port 0 resolved)
   * @param accepted connections admitted (past the policy, the per-address limit and the cap)
   * @param refused connections refused or closed before service, by reason (every reason present)
   * @param handshakes handshake counts (the OK entries of each protocol always present)
   * @param streams stream counts (the success entry of each command always present)
   * @param bytesUp bytes relayed from clients to destinations (including early data)
   * @param bytesDown bytes relayed from destinations to clients
   * @param activeConnections client connections open now
   * @param activeRelays CONNECT relays running now
   * @param handshakeDuration accept to complete request, for OK handshakes
   * @param connectDuration complete CONNECT request to its outcome
   * @param resolveDuration complete RESOLVE or RESOLVE_PTR request to its answer
   * @param streamDuration a relay's life, from the success reply to its close
   */
  public record Listener(
      InetSocketAddress address,
      long accepted,
      Map<Refusal, Long> refused,
      List<Handshakes> handshakes,
      List<Streams> streams,
      long bytesUp,
      long bytesDown,
      long activeConnections,
      long activeRelays,
      Histogram handshakeDuration,
      Histogram connectDuration,
      Histogram resolveDuration,
      Histogram streamDuration) {
    /** Copies the collections. */
    public Listener {
      refused = Map.copyOf(refused);
      handshakes = List.copyOf(handshakes);
      streams = List.copyOf(streams);
    }
  }

  /**
   * One event loop's work and buffers.
   *
   * @param index the loop's number, from 0
   * @param tasksRun tasks run that other threads (and timers' callers) queued for it
   * @param wakeups select calls that returned (readiness, a task, a timer)
   * @param buffersInUse relay buffers (both sizes) borrowed now
   * @param buffersFree relay buffers (both sizes) kept free for reuse
   * @param bulkInUse bulk relay buffers borrowed now (a subset of {@code buffersInUse})
   */
  public record Loop(
      int index,
      long tasksRun,
      long wakeups,
      long buffersInUse,
      long buffersFree,
      long bulkInUse) {}
}
