package dev.socksgate.app.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.BlockingQueue;

/**
 * What the loopback origin does with a connection, one mode per listener. Blocking I/O on the
 * connection's own thread, bounded by the socket's read timeout and by byte limits.
 */
enum OriginMode {
  /** Echoes what comes; at the client's end of stream, flushes and half-closes too. */
  ECHO,
  /**
   * Reads to the end of stream (at most {@link #SMALL} bytes), then sends it all back and closes:
   * data that can only flow after the client's half-close.
   */
  DEFERRED,
  /**
   * Sends {@link #SPEAKER_LINE} and half-closes at once, then reads to the end of stream and
   * reports what came: data that can only flow after the origin's half-close.
   */
  SPEAKER,
  /**
   * Sends the {@link Payload#DOWN_SEED} stream and half-closes, while reading to the end of stream
   * and reporting the SHA-256 of what came.
   */
  CHECKSUM;

  /** The most bytes the small modes take. */
  static final int SMALL = 64 * 1024;

  /** What {@link #SPEAKER} sends first. */
  static final byte[] SPEAKER_LINE =
      "the origin speaks first and half-closes\n".getBytes(StandardCharsets.US_ASCII);

  /** Serves {@code c} in this mode; {@code reports} gets what a reporting mode received. */
  void serve(Socket c, BlockingQueue<Received> reports) throws IOException {
    InputStream in = c.getInputStream();
    OutputStream out = c.getOutputStream();
    switch (this) {
      case ECHO -> echo(in, out);
      case DEFERRED -> {
        byte[] all = in.readNBytes(SMALL + 1);
        if (all.length <= SMALL) {
          out.write(all);
        }
      }
      case SPEAKER -> {
        out.write(SPEAKER_LINE);
        c.shutdownOutput();
        reports.offer(digest(in, SMALL));
      }
      case CHECKSUM -> checksum(c, in, out, reports);
    }
    if (!c.isOutputShutdown()) {
      out.flush();
      c.shutdownOutput();
    }
  }

  private static void echo(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[SMALL];
    int n;
    while ((n = in.read(buf)) >= 0) {
      out.write(buf, 0, n);
    }
  }

  private static void checksum(
      Socket c, InputStream in, OutputStream out, BlockingQueue<Received> reports)
      throws IOException {
    Thread writer =
        new Thread(
            () -> {
              try {
                Payload.write(Payload.DOWN_SEED, out);
                c.shutdownOutput();
              } catch (IOException e) {
                // the reader sees the broken connection; the doctor reports the short download
              }
            },
            "doctor-origin-writer");
    writer.setDaemon(true);
    writer.start();
    reports.offer(digest(in, 2 * Payload.LENGTH));
    try {
      writer.join(c.getSoTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads to the end of stream, at most {@code max} bytes; the rest is not read. */
  private static Received digest(InputStream in, long max) throws IOException {
    MessageDigest d = Payload.sha256();
    byte[] buf = new byte[SMALL];
    long count = 0;
    int n;
    while (count <= max && (n = in.read(buf)) >= 0) {
      d.update(buf, 0, n);
      count += n;
    }
    return Received.of(count, d.digest());
  }
}
