package dev.socksgate.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.junit.jupiter.api.Test;

/** What senders send is what receivers expect; a single flipped byte fails the checksum. */
class PayloadTest {

  private static final long LENGTH = 3L * Payload.BLOCK + 12_345; // wraps around the block

  private static byte[] sent(Payload p, long seed, long length) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WritableByteChannel out = Channels.newChannel(bytes);
    for (long pos = 0; pos < length; ) {
      pos += p.send(out, seed, pos, length - pos);
    }
    return bytes.toByteArray();
  }

  @Test
  void receivedStream_matchesTheExpectedChecksum() throws Exception {
    try (Payload p = new Payload(42)) {
      byte[] stream = sent(p, 7, LENGTH);
      assertEquals(LENGTH, stream.length);
      StreamChecksum c = new StreamChecksum();
      for (int off = 0; off < stream.length; off += 65_536) { // in reads of any size
        c.update(ByteBuffer.wrap(stream, off, Math.min(65_536, stream.length - off)));
      }
      assertTrue(c.matches(p.expectedCrc(7, LENGTH), LENGTH));
    }
  }

  @Test
  void oneCorruptedByte_failsVerification() throws Exception {
    try (Payload p = new Payload(42)) {
      byte[] stream = sent(p, 7, LENGTH);
      stream[Payload.BLOCK + 17] ^= 0x01;
      StreamChecksum c = new StreamChecksum();
      c.update(ByteBuffer.wrap(stream));
      assertFalse(c.matches(p.expectedCrc(7, LENGTH), LENGTH));
    }
  }

  @Test
  void missingOrExtraBytes_failVerification() throws Exception {
    try (Payload p = new Payload(42)) {
      byte[] stream = sent(p, 7, 1000);
      StreamChecksum shortStream = new StreamChecksum();
      shortStream.update(ByteBuffer.wrap(stream, 0, 999));
      assertFalse(shortStream.matches(p.expectedCrc(7, 1000), 1000));
      assertEquals(999, shortStream.count());
    }
  }

  @Test
  void directionsAndStreams_differ_soCrossedOrEchoedStreamsFail() throws Exception {
    try (Payload p = new Payload(42)) {
      long up = BulkRun.upSeed(3);
      long down = BulkRun.downSeed(3);
      assertNotEquals(p.expectedCrc(up, 4096), p.expectedCrc(down, 4096));
      assertNotEquals(p.expectedCrc(BulkRun.upSeed(1), 4096), p.expectedCrc(up, 4096));
    }
  }
}
