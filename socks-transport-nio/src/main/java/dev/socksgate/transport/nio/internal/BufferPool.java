package dev.socksgate.transport.nio.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct relay buffers of one size, for one event loop. A relay direction borrows a buffer only
 * while it holds bytes and gives it back as soon as it is empty, so an idle connection pins none;
 * the pool keeps at most {@code maxRetained} free buffers and lets the rest go to the collector. A
 * pool may also cap the buffers borrowed at once ({@link #hasRoom()} then turns false at the cap):
 * the loop's pool of bulk buffers uses that to bound what fast streams may hold.
 *
 * <p>Confined to its loop thread. The accounting ({@link #inUse()}, {@link #highWater()}) lets
 * tests assert that relay buffering stays bounded.
 */
public final class BufferPool {

  private final int bufferSize;
  private final int maxRetained;
  private final int maxInUse;
  private final ArrayDeque<ByteBuffer> free;
  private int inUse;
  private int highWater;
  // inUse and free.size() as another thread may read them (metrics), written on each change.
  private final StatCells published = new StatCells(2);

  /**
   * Creates an empty pool.
   *
   * @param bufferSize the capacity of every buffer
   * @param maxRetained how many free buffers to keep for reuse
   */
  public BufferPool(int bufferSize, int maxRetained) {
    this(bufferSize, maxRetained, Integer.MAX_VALUE);
  }

  /**
   * Creates an empty pool that lends at most {@code maxInUse} buffers at once through {@link
   * #hasRoom()}.
   *
   * @param bufferSize the capacity of every buffer
   * @param maxRetained how many free buffers to keep for reuse
   * @param maxInUse the most buffers borrowed at once through {@link #hasRoom()}
   */
  public BufferPool(int bufferSize, int maxRetained, int maxInUse) {
    if (bufferSize < 1 || maxRetained < 0 || maxInUse < 1) {
      throw new IllegalArgumentException(
          "bufferSize " + bufferSize + ", maxRetained " + maxRetained + ", maxInUse " + maxInUse);
    }
    this.bufferSize = bufferSize;
    this.maxRetained = maxRetained;
    this.maxInUse = maxInUse;
    this.free = new ArrayDeque<>(Math.max(1, maxRetained));
  }

  private BufferPool() {
    this.bufferSize = 1;
    this.maxRetained = 0;
    this.maxInUse = 0;
    this.free = new ArrayDeque<>(1);
  }

  /** Returns a pool that lends nothing: {@link #hasRoom()} is always false (bulk buffers off). */
  public static BufferPool none() {
    return new BufferPool();
  }

  /** Returns a cleared buffer of {@link #bufferSize()} bytes, the caller's until released. */
  public ByteBuffer acquire() {
    ByteBuffer b = free.pollFirst();
    if (b == null) {
      b = ByteBuffer.allocateDirect(bufferSize);
    }
    inUse++;
    highWater = Math.max(highWater, inUse);
    publish();
    return b;
  }

  /**
   * Returns true while fewer than {@code maxInUse} buffers are borrowed: {@link #acquire()} may
   * lend one more without passing the cap.
   */
  public boolean hasRoom() {
    return inUse < maxInUse;
  }

  /** Takes back a buffer obtained from {@link #acquire()}; the caller must not touch it again. */
  public void release(ByteBuffer b) {
    inUse--;
    if (free.size() < maxRetained) {
      b.clear();
      free.addFirst(b);
    }
    publish();
  }

  private void publish() {
    published.add(0, inUse - published.get(0));
    published.add(1, free.size() - published.get(1));
  }

  /** Returns {@link #inUse()} as last published; any thread (for metrics). */
  public long publishedInUse() {
    return published.get(0);
  }

  /** Returns {@link #retained()} as last published; any thread (for metrics). */
  public long publishedFree() {
    return published.get(1);
  }

  /** Returns the capacity of every buffer. */
  public int bufferSize() {
    return bufferSize;
  }

  /** Returns how many buffers are borrowed now. */
  public int inUse() {
    return inUse;
  }

  /** Returns the most buffers ever borrowed at once. */
  public int highWater() {
    return highWater;
  }

  /** Returns how many free buffers the pool keeps now. */
  public int retained() {
    return free.size();
  }
}
