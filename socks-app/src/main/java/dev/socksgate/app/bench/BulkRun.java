package dev.socksgate.app.bench;

import java.util.Optional;

/**
 * What the streams of one bulk run share: the payload, the length of each direction, the expected
 * checksums (computed before the clock starts) and the streams by id, for the origin to find the
 * stream a connection belongs to.
 *
 * <p>Filled before the first phase, read-only afterwards (from any shard).
 */
final class BulkRun {

  private final Payload payload;
  private final long length;
  private final BulkStream[] streams;
  private final int[] expectedUp;
  private final int[] expectedDown;

  BulkRun(Payload payload, int streamCount, long length) {
    this.payload = payload;
    this.length = length;
    this.streams = new BulkStream[streamCount];
    this.expectedUp = new int[streamCount];
    this.expectedDown = new int[streamCount];
    for (int i = 0; i < streamCount; i++) {
      expectedUp[i] = payload.expectedCrc(upSeed(i), length);
      expectedDown[i] = payload.expectedCrc(downSeed(i), length);
    }
  }

  static long upSeed(int id) {
    return 2L * id;
  }

  static long downSeed(int id) {
    return 2L * id + 1;
  }

  Payload payload() {
    return payload;
  }

  /** Returns the bytes of each direction of each stream. */
  long length() {
    return length;
  }

  void add(BulkStream s, int id) {
    streams[id] = s;
  }

  /** Returns the stream with this id, or empty for an id that is not one of ours. */
  Optional<BulkStream> stream(int id) {
    return id >= 0 && id < streams.length ? Optional.ofNullable(streams[id]) : Optional.empty();
  }

  int expectedUp(int id) {
    return expectedUp[id];
  }

  int expectedDown(int id) {
    return expectedDown[id];
  }
}
