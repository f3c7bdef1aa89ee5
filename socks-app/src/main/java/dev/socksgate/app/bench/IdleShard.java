package dev.socksgate.app.bench;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The idle tunnels of one shard: opens them up to a wanted count with a bounded number of
 * handshakes in flight (a burst of thousands would overflow the proxy's listen backlog), then
 * checks every one.
 *
 * <p>Confined to the shard's thread while a phase runs.
 */
final class IdleShard {

  private static final int MAX_IN_FLIGHT = 64;

  private final Reactor reactor;
  private final Route route;
  private final List<IdleTunnel> open = new ArrayList<>();
  private int wanted;
  private int inFlight;
  private int nextId;
  private int checked;
  long failures;
  @Nullable String firstFailure;

  IdleShard(Reactor reactor, Route route, int firstId) {
    this.reactor = reactor;
    this.route = route;
    this.nextId = firstId;
  }

  /** Opens tunnels until {@code n} are open. */
  void openUpTo(int n) {
    wanted = n;
    pump();
  }

  /** Returns true when the wanted tunnels are open, or too many failed. */
  boolean settled() {
    return inFlight == 0 && (open.size() >= wanted || failures >= ChurnShard.MAX_FAILURES);
  }

  int openCount() {
    return open.size();
  }

  void opened(IdleTunnel t) {
    inFlight--;
    open.add(t);
    pump();
  }

  void failedToOpen(String reason) {
    inFlight--;
    failure(reason);
    pump();
  }

  /** Sends every open tunnel its check message. */
  void checkAll() {
    new ArrayList<>(open).forEach(IdleTunnel::check);
  }

  /** Returns true when every open tunnel has been checked. */
  boolean allChecked() {
    return checked == open.size();
  }

  /** A tunnel passed its check. */
  void checked() {
    checked++;
  }

  /** A tunnel failed its check. */
  void checkFailed(String problem) {
    checked++;
    failure(problem);
  }

  private void failure(String reason) {
    failures++;
    if (firstFailure == null) {
      firstFailure = reason;
    }
  }

  private void pump() {
    while (inFlight < MAX_IN_FLIGHT
        && open.size() + inFlight < wanted
        && failures < ChurnShard.MAX_FAILURES) {
      inFlight++;
      SocksDialer.dial(reactor, route, new IdleTunnel(this, nextId++));
    }
  }
}
