package dev.socksgate.app.doctor;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One check's time budget and its sockets. Every connect and read is given what is left of the
 * budget as its timeout; when the budget runs out, an alarm on the doctor's timer thread closes
 * every socket of the check, which also ends a write that a stalled server blocks. So a check ends,
 * with FAIL, at most about one timeout after it started.
 *
 * <p>Used by the check's thread; {@link #expire} runs on the timer thread.
 */
final class Probe implements AutoCloseable {

  private final InetSocketAddress proxy;
  private final Duration timeout;
  private final long deadline;
  private final List<Socket> sockets = new ArrayList<>();
  private final ScheduledFuture<?> alarm;
  private volatile boolean expired;

  Probe(InetSocketAddress proxy, Duration timeout, ScheduledExecutorService timer) {
    this.proxy = proxy;
    this.timeout = timeout;
    this.deadline = System.nanoTime() + timeout.toNanos();
    this.alarm = timer.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Opens a TCP connection to the server under test. */
  Conn open() throws Fault, IOException {
    return open(proxy);
  }

  /** Opens a TCP connection to {@code address}, within the budget. */
  Conn open(InetSocketAddress address) throws Fault, IOException {
    Socket s = new Socket();
    register(s);
    s.setTcpNoDelay(true);
    try {
      s.connect(address, remainingMillis());
    } catch (SocketTimeoutException e) {
      throw new Fault(timedOut());
    } catch (ConnectException e) {
      throw new Fault(
          expired ? timedOut() : "cannot connect to " + address + ": " + e.getMessage());
    }
    return new Conn(s, this);
  }

  /** Returns what is left of the budget in milliseconds, at least 1. */
  int remainingMillis() throws Fault {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (left <= 0 || expired) {
      throw new Fault(timedOut());
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  /** Returns true once the budget ran out and the sockets were closed. */
  boolean expired() {
    return expired;
  }

  /** The reason given when the budget ran out. */
  String timedOut() {
    return "no answer within " + format(timeout);
  }

  /** Writes a duration as the options take it: {@code 5 s}, {@code 250 ms}. */
  static String format(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  /** The check's budget. */
  Duration timeout() {
    return timeout;
  }

  private void register(Socket s) throws IOException {
    synchronized (sockets) {
      if (expired) {
        s.close();
      }
      sockets.add(s);
    }
  }

  private void expire() {
    expired = true;
    closeAll();
  }

  private void closeAll() {
    synchronized (sockets) {
      for (Socket s : sockets) {
        try {
          s.close();
        } catch (IOException e) {
          // closing a socket of a finished check: nothing is left to report
        }
      }
      sockets.clear();
    }
  }

  @Override
  public void close() {
    alarm.cancel(false);
    closeAll();
  }
}
