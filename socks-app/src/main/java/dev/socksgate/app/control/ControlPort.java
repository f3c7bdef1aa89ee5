package dev.socksgate.app.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link ControlSession}s on a loopback address, one connection at a time on one daemon
 * thread (control traffic is rare; a second client waits in the backlog). Every line is bounded,
 * every connection has an idle timeout.
 */
public final class ControlPort implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("socksgate.control");

  /** Longest command line accepted. */
  static final int MAX_LINE = 4096;

  /** A connection idle this long is closed. */
  static final int IDLE_MILLIS = 60_000;

  private final InetSocketAddress bind;
  private final ControlCommands commands;
  private @Nullable ServerSocket server;

  /**
   * Creates the port (nothing is bound until {@link #start()}).
   *
   * @throws IllegalArgumentException if {@code bind} is not a loopback address
   */
  public ControlPort(InetSocketAddress bind, ControlCommands commands) {
    this.bind = Objects.requireNonNull(bind, "bind");
    this.commands = Objects.requireNonNull(commands, "commands");
    if (bind.isUnresolved() || !bind.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("the control port listens on loopback only: " + bind);
    }
  }

  /** Binds and starts serving. */
  public synchronized void start() throws IOException {
    ServerSocket s = new ServerSocket();
    server = s;
    s.bind(bind, 8);
    Thread t = new Thread(this::serve, "socksgate-control");
    t.setDaemon(true);
    t.start();
    LOG.info(
        "control port on {}:{} (cookie authentication)",
        s.getInetAddress().getHostAddress(),
        s.getLocalPort());
  }

  /** Returns the bound address. */
  public synchronized InetSocketAddress boundAddress() {
    ServerSocket s = server;
    if (s == null) {
      throw new IllegalStateException("the control port is not started");
    }
    return (InetSocketAddress) s.getLocalSocketAddress();
  }

  private void serve() {
    ServerSocket server = this.server;
    if (server == null) {
      return;
    }
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        s.setSoTimeout(IDLE_MILLIS);
        converse(s.getInputStream(), s.getOutputStream());
      } catch (SocketTimeoutException e) {
        // idle client: closed; serve the next one
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.debug("control connection ended: {}", e.getMessage());
        }
      }
    }
  }

  private void converse(InputStream in, OutputStream out) throws IOException {
    ControlSession session = new ControlSession(commands);
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      if (b != '\n') {
        if (line.length() >= MAX_LINE) {
          out.write("552 Line too long\r\n".getBytes(StandardCharsets.US_ASCII));
          return;
        }
        line.append((char) b);
        continue;
      }
      String text = line.toString().strip();
      line.setLength(0);
      ControlSession.Reply reply = session.handle(text);
      out.write(reply.text().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      if (reply.close()) {
        return;
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (SocketException e) {
      // already closed
    } catch (IOException e) {
      LOG.debug("closing the control port: {}", e.getMessage());
    }
  }
}
