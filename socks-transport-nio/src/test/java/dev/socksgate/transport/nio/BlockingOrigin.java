package dev.socksgate.transport.nio;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A loopback origin whose accepted sockets the test drives itself, with bounded timeouts. */
final class BlockingOrigin implements AutoCloseable {

  private final ServerSocket server;

  BlockingOrigin(InetAddress bind) throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(bind, 0), 50);
    server.setSoTimeout(SocksClient.TIMEOUT_MILLIS);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Accepts one connection (bounded wait); reads on it time out after 5 s. */
  Socket accept() throws IOException {
    Socket s = server.accept();
    s.setSoTimeout(SocksClient.TIMEOUT_MILLIS);
    return s;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
