package dev.socksgate.app.doctor;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A SOCKS server with one deliberate flaw, for the doctor's tests: it sits in front of a real
 * SocksGate and relays to it byte for byte, except where its {@link Flaw} says otherwise. Blocking,
 * one daemon thread per connection and direction, loopback only; closing it closes every socket.
 */
final class FakeSocksServer implements AutoCloseable {

  /** What it gets wrong. */
  enum Flaw {
    /** Answers any SOCKS4 or SOCKS4a request with {@code 5B}, as a SOCKS5-only server would. */
    NO_SOCKS4,
    /** Answers SOCKS5 RESOLVE and RESOLVE_PTR with {@code 07} (command not supported). */
    NO_RESOLVE,
    /** Accepts and reads, and never writes a byte. */
    SILENT,
    /** Relays, but when either side ends its stream, closes both connections. */
    CLOSES_ON_HALF_CLOSE
  }

  private final Flaw flaw;
  private final InetSocketAddress real;
  private final ServerSocket server;
  private final List<Socket> sockets = new ArrayList<>();

  FakeSocksServer(Flaw flaw, InetSocketAddress real) throws IOException {
    this.flaw = flaw;
    this.real = real;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::acceptLoop);
  }

  /** Its address, for {@code --proxy}. */
  String proxy() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = track(server.accept());
        daemon(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try {
      DataInputStream in = new DataInputStream(client.getInputStream());
      if (flaw == Flaw.SILENT) {
        in.transferTo(OutputStream.nullOutputStream());
        return;
      }
      Socket upstream = track(new Socket());
      upstream.connect(real, 10_000);
      OutputStream up = upstream.getOutputStream();
      int first = in.read();
      if (first < 0) {
        closeBoth(client, upstream);
        return;
      }
      if (first == 4 && flaw == Flaw.NO_SOCKS4) {
        client.getOutputStream().write(new byte[] {0, 0x5B, 0, 0, 0, 0, 0, 0});
        closeBoth(client, upstream);
        return;
      }
      up.write(first);
      if (first == 5 && flaw == Flaw.NO_RESOLVE && !passesResolve(in, client, upstream)) {
        return;
      }
      relay(client, upstream);
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  /**
   * Relays the greeting and the method selection, then reads the request header: RESOLVE and
   * RESOLVE_PTR are answered {@code 07} and closed (false), anything else is passed on (true).
   */
  private boolean passesResolve(DataInputStream in, Socket client, Socket upstream)
      throws IOException {
    OutputStream up = upstream.getOutputStream();
    int n = in.readUnsignedByte();
    byte[] methods = new byte[n];
    in.readFully(methods);
    up.write(n);
    up.write(methods);
    byte[] selection = new DataInputStream(upstream.getInputStream()).readNBytes(2);
    client.getOutputStream().write(selection);
    if (selection.length < 2 || selection[1] != 0) {
      return true; // not "no authentication": no interception
    }
    byte[] head = new byte[4];
    in.readFully(head);
    if (head[1] == (byte) 0xF0 || head[1] == (byte) 0xF1) {
      client.getOutputStream().write(new byte[] {5, 7, 0, 1, 0, 0, 0, 0, 0, 0});
      closeBoth(client, upstream);
      return false;
    }
    up.write(head);
    return true;
  }

  private void relay(Socket client, Socket upstream) {
    daemon(() -> copy(upstream, client));
    copy(client, upstream);
  }

  private void copy(Socket from, Socket to) {
    byte[] buf = new byte[64 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
      }
      if (flaw == Flaw.CLOSES_ON_HALF_CLOSE) {
        closeBoth(from, to);
      } else {
        to.shutdownOutput();
        if (from.isOutputShutdown()) {
          closeBoth(from, to);
        }
      }
    } catch (IOException e) {
      closeBoth(from, to);
    }
  }

  private synchronized Socket track(Socket s) {
    sockets.add(s);
    return s;
  }

  private static void closeBoth(Socket a, Socket b) {
    closeQuietly(a);
    closeQuietly(b);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // a test fake closing at the end: nothing to report
    }
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "fake-socks");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public synchronized void close() {
    closeQuietly(server);
    sockets.forEach(FakeSocksServer::closeQuietly);
  }
}
