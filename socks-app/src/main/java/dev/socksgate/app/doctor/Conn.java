package dev.socksgate.app.doctor;

import dev.socksgate.core.handshake.ClientHandshake;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A blocking connection to the server under test, bounded by its {@link Probe}: every read waits at
 * most what is left of the check's budget. Bytes the handshake read beyond the server's reply (its
 * first data) are kept and returned first by the reads.
 *
 * <p>Used by one thread at a time, apart from {@link #write} and {@link #shutdownOutput}, which a
 * check may call from its writer thread while another reads.
 */
final class Conn {

  /** The most handshake bytes buffered: a SOCKS5 reply is at most 262 bytes. */
  private static final int MAX_PENDING = 1024;

  private final Socket socket;
  private final Probe probe;
  private final InputStream in;
  private final OutputStream out;
  private final ByteBuffer pending = ByteBuffer.allocate(MAX_PENDING).flip();

  Conn(Socket socket, Probe probe) throws IOException {
    this.socket = socket;
    this.probe = probe;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /**
   * Runs {@code handshake} to its end: writes what it says to send (one byte per write when {@code
   * bytewise}), reads what it needs.
   *
   * @return {@link ClientHandshake.Step.Done} or {@link ClientHandshake.Step.Failed}
   * @throws Fault when the server closes, resets or stays silent before the end
   */
  ClientHandshake.Step handshake(ClientHandshake handshake, boolean bytewise) throws Fault {
    send(handshake.start(), bytewise);
    while (true) {
      ClientHandshake.Step step = handshake.step(pending);
      if (step instanceof ClientHandshake.Step.Send s) {
        send(s, bytewise);
      } else if (step instanceof ClientHandshake.Step.NeedMore) {
        fillPending();
      } else {
        return step;
      }
    }
  }

  private void send(ClientHandshake.Step.Send s, boolean bytewise) throws Fault {
    ByteBuffer b = s.bytes();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    if (!bytewise) {
      write(bytes);
      return;
    }
    for (byte x : bytes) {
      write(new byte[] {x});
    }
  }

  private void fillPending() throws Fault {
    pending.compact();
    try {
      if (!pending.hasRemaining()) {
        throw new Fault("the server's handshake message is longer than " + MAX_PENDING + " bytes");
      }
      int n = readSocket(pending.array(), pending.position(), pending.remaining());
      if (n < 0) {
        throw new Fault("the server closed the connection without an answer");
      }
      pending.position(pending.position() + n);
    } finally {
      pending.flip();
    }
  }

  /** Writes all of {@code bytes}. */
  void write(byte[] bytes) throws Fault {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw broken("sending", e);
    }
  }

  /** Writes the whole {@link Payload} stream {@code seed}. */
  void writePayload(long seed) throws Fault {
    try {
      Payload.write(seed, out);
    } catch (IOException e) {
      throw broken("sending", e);
    }
  }

  /** Half-closes: sends FIN, keeps reading possible. */
  void shutdownOutput() throws Fault {
    try {
      socket.shutdownOutput();
    } catch (IOException e) {
      throw broken("half-closing", e);
    }
  }

  /** Reads up to {@code len} bytes; -1 at the end of the stream. */
  int read(byte[] buf, int off, int len) throws Fault {
    if (pending.hasRemaining()) {
      int n = Math.min(len, pending.remaining());
      pending.get(buf, off, n);
      return n;
    }
    return readSocket(buf, off, len);
  }

  private int readSocket(byte[] buf, int off, int len) throws Fault {
    try {
      socket.setSoTimeout(probe.remainingMillis());
      return in.read(buf, off, len);
    } catch (SocketTimeoutException e) {
      throw new Fault(probe.timedOut());
    } catch (IOException e) {
      throw broken("reading", e);
    }
  }

  /** Reads exactly {@code n} bytes (at most 64 KiB). */
  byte[] readExactly(int n, String what) throws Fault {
    byte[] buf = new byte[n];
    int got = 0;
    while (got < n) {
      int r = read(buf, got, n - got);
      if (r < 0) {
        throw new Fault("the connection closed after " + got + " of " + n + " bytes of " + what);
      }
      got += r;
    }
    return buf;
  }

  /**
   * Reads to the end of the stream, at most {@code max} bytes.
   *
   * @throws Fault when more than {@code max} bytes come, or the server stays silent
   */
  byte[] readToEnd(int max, String what) throws Fault {
    byte[] buf = new byte[max + 1];
    int got = 0;
    while (true) {
      int r = read(buf, got, buf.length - got);
      if (r < 0) {
        return Arrays.copyOf(buf, got);
      }
      got += r;
      if (got > max) {
        throw new Fault("more than " + max + " bytes of " + what);
      }
    }
  }

  /**
   * Reads to the end of the stream into {@code digest}, at most {@code max} bytes.
   *
   * @return how many bytes came
   */
  long digestToEnd(MessageDigest digest, long max) throws Fault {
    byte[] buf = new byte[64 * 1024];
    long count = 0;
    while (count <= max) {
      int r = read(buf, 0, buf.length);
      if (r < 0) {
        return count;
      }
      digest.update(buf, 0, r);
      count += r;
    }
    return count;
  }

  private Fault broken(String doing, IOException e) {
    if (probe.expired()) {
      return new Fault(probe.timedOut());
    }
    String what = e instanceof SocketException ? e.getMessage() : e.toString();
    return new Fault("connection broken while " + doing + ": " + what);
  }
}
