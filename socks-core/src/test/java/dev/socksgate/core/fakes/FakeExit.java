package dev.socksgate.core.fakes;

import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.Target;
import java.util.Objects;

/**
 * The stream handle of {@link RecordingExitConnector}: where it goes, under which key, and what
 * "the target received" (the early data, byte-exact).
 */
public final class FakeExit {

  private final int id;
  private final Target target;
  private final IsolationKey key;
  private final byte[] received;
  private volatile boolean closed;

  FakeExit(int id, Target target, IsolationKey key, byte[] received) {
    this.id = id;
    this.target = Objects.requireNonNull(target);
    this.key = Objects.requireNonNull(key);
    this.received = received.clone();
  }

  /** Returns the connector's sequence number of this stream, from 1. */
  public int id() {
    return id;
  }

  /** Returns the target the stream was opened to. */
  public Target target() {
    return target;
  }

  /** Returns the isolation key the stream was opened under. */
  public IsolationKey key() {
    return key;
  }

  /** Returns a copy of the bytes the target received: the early data. */
  public byte[] received() {
    return received.clone();
  }

  /** Marks the stream closed. */
  public void close() {
    closed = true;
  }

  /** Returns true once {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "FakeExit[" + id + "]";
  }
}
