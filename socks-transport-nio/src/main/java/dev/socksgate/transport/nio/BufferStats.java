package dev.socksgate.transport.nio;

import dev.socksgate.transport.nio.internal.BufferPool;

/**
 * The relay's buffer accounting, summed over the loops: what the transport's tests assert to show
 * that buffering stays bounded.
 *
 * @param inUse buffers borrowed now, from both pools
 * @param highWater the sum of each pool's own high water (an upper bound of the most held at once)
 * @param bulkInUse bulk buffers borrowed now
 * @param bulkHighWater the bulk pools' high water
 */
record BufferStats(int inUse, int highWater, int bulkInUse, int bulkHighWater) {

  static final BufferStats NONE = new BufferStats(0, 0, 0, 0);

  /** The figures of one loop's pools (a bulk pool that lends nothing adds nothing). */
  static BufferStats of(BufferPool pool, BufferPool bulk) {
    return new BufferStats(
        pool.inUse() + bulk.inUse(),
        pool.highWater() + bulk.highWater(),
        bulk.inUse(),
        bulk.highWater());
  }

  BufferStats plus(BufferStats o) {
    return new BufferStats(
        inUse + o.inUse,
        highWater + o.highWater,
        bulkInUse + o.bulkInUse,
        bulkHighWater + o.bulkHighWater);
  }
}
