package dev.socksgate.app.doctor;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * The doctor's destinations: one listener per {@link OriginMode} on 127.0.0.1, and the echo also on
 * [::1] with the same port, so that {@code localhost} reaches it whichever family the server under
 * test resolves it to. A thread per connection, at most {@link #MAX_CONNECTIONS} at once (more are
 * closed at once); each connection's reads time out after the check timeout.
 *
 * <p>Thread-safe; closed by the doctor when it is done.
 */
final class LoopbackOrigin implements AutoCloseable {

  /** Connections served at once; the doctor opens one or two per check. */
  static final int MAX_CONNECTIONS = 32;

  private static final int SAME_PORT_ATTEMPTS = 16;
  private static final InetAddress V4 = literal(new byte[] {127, 0, 0, 1});
  private static final InetAddress V6 =
      literal(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

  private final int idleMillis;
  private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
  private final List<ServerSocket> listeners = new ArrayList<>();
  private final Set<Socket> open = new HashSet<>();
  private final Map<OriginMode, InetSocketAddress> addresses = new EnumMap<>(OriginMode.class);
  private final Map<OriginMode, BlockingQueue<Received>> reports = new EnumMap<>(OriginMode.class);
  private Optional<InetSocketAddress> echoV6 = Optional.empty();
  private volatile boolean closed;

  private LoopbackOrigin(Duration timeout) {
    this.idleMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    for (OriginMode m : OriginMode.values()) {
      reports.put(m, new ArrayBlockingQueue<>(4));
    }
  }

  /** Binds every listener and starts accepting. */
  static LoopbackOrigin start(Duration timeout) throws IOException {
    LoopbackOrigin o = new LoopbackOrigin(timeout);
    try {
      o.bindEcho();
      for (OriginMode m : OriginMode.values()) {
        if (m != OriginMode.ECHO) {
          o.listen(new ServerSocket(0, 50, V4), m);
        }
      }
      return o;
    } catch (IOException e) {
      o.close();
      throw e;
    }
  }

  private void bindEcho() throws IOException {
    boolean v6 = ipv6Available();
    for (int i = 0; i < SAME_PORT_ATTEMPTS; i++) {
      ServerSocket four = new ServerSocket(0, 50, V4);
      if (!v6) {
        listen(four, OriginMode.ECHO);
        return;
      }
      try {
        ServerSocket six = new ServerSocket(four.getLocalPort(), 50, V6);
        listen(four, OriginMode.ECHO);
        echoV6 = Optional.of(new InetSocketAddress(V6, four.getLocalPort()));
        listen(six, OriginMode.ECHO);
        return;
      } catch (BindException e) {
        four.close(); // that port is taken on ::1: try another
      }
    }
    throw new IOException("no port free on both 127.0.0.1 and ::1 for the echo origin");
  }

  private static boolean ipv6Available() {
    try (ServerSocket probe = new ServerSocket(0, 1, V6)) {
      return probe.getLocalPort() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private void listen(ServerSocket listener, OriginMode mode) {
    synchronized (listeners) {
      listeners.add(listener);
    }
    addresses.putIfAbsent(mode, (InetSocketAddress) listener.getLocalSocketAddress());
    Thread t = new Thread(() -> accept(listener, mode), "doctor-origin-" + mode);
    t.setDaemon(true);
    t.start();
  }

  private void accept(ServerSocket listener, OriginMode mode) {
    while (!closed) {
      Socket c;
      try {
        c = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (!slots.tryAcquire()) {
        closeQuietly(c);
        continue;
      }
      Thread t = new Thread(() -> serve(c, mode), "doctor-origin-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket c, OriginMode mode) {
    synchronized (open) {
      open.add(c);
    }
    try {
      c.setSoTimeout(idleMillis);
      c.setTcpNoDelay(true);
      mode.serve(c, reports(mode));
    } catch (IOException e) {
      // the client went away or stalled: the doctor reports what it saw from its side
    } finally {
      synchronized (open) {
        open.remove(c);
      }
      closeQuietly(c);
      slots.release();
    }
  }

  /** The IPv4 address of the listener in {@code mode}. */
  InetSocketAddress address(OriginMode mode) {
    InetSocketAddress a = addresses.get(mode);
    if (a == null) {
      throw new IllegalStateException("no listener for " + mode);
    }
    return a;
  }

  /** The echo on [::1], with the IPv4 echo's port; empty when this machine has no ::1. */
  Optional<InetSocketAddress> echoV6() {
    return echoV6;
  }

  /** What the listener in {@code mode} reports of each connection (SPEAKER, CHECKSUM). */
  BlockingQueue<Received> reports(OriginMode mode) {
    BlockingQueue<Received> q = reports.get(mode);
    if (q == null) {
      throw new IllegalStateException("no reports for " + mode);
    }
    return q;
  }

  @Override
  public void close() {
    closed = true;
    synchronized (listeners) {
      listeners.forEach(LoopbackOrigin::closeQuietly);
    }
    synchronized (open) {
      open.forEach(LoopbackOrigin::closeQuietly);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing at the end: nothing is left to report
    }
  }

  private static InetAddress literal(byte[] octets) {
    try {
      return InetAddress.getByAddress(octets);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a literal address has the right length", e);
    }
  }
}
