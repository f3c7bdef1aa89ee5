package dev.socksgate.app.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The JVM floor for {@code bench startup}: the least a Java SOCKS5 server can do before its first
 * CONNECT reply. It binds {@code ADDR:PORT}, then answers every client with "no authentication" and
 * a CONNECT success without connecting anywhere, until it is killed. Plain blocking {@code
 * java.net} and {@code java.base} only, started on the class path: what it costs is the JVM's own
 * start-up, which no server on the same JVM can beat.
 */
public final class StartupFloor {

  private static final byte[] NO_AUTH = {5, 0};
  private static final byte[] SUCCEEDED = {5, 0, 0, 1, 0, 0, 0, 0, 0, 0};

  private StartupFloor() {}

  /**
   * Serves on the IP literal and port given as {@code ADDR:PORT}.
   *
   * @param args {@code ADDR:PORT}
   * @throws IOException if it cannot bind
   */
  public static void main(String[] args) throws IOException {
    int colon = args.length == 1 ? args[0].lastIndexOf(':') : -1;
    if (colon < 0) {
      throw new IllegalArgumentException("usage: StartupFloor ADDR:PORT");
    }
    String host = args[0].substring(0, colon).replace("[", "").replace("]", "");
    int port = Integer.parseInt(args[0].substring(colon + 1));
    try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getByName(host))) {
      while (true) {
        try (Socket s = server.accept()) {
          s.setSoTimeout(5000);
          answer(s);
        } catch (IOException e) {
          // One client's trouble; the next may be the probe that succeeds.
        }
      }
    }
  }

  /** Reads a greeting and a CONNECT request and answers both with success. */
  private static void answer(Socket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    OutputStream out = s.getOutputStream();
    in.readUnsignedByte(); // VER
    in.skipNBytes(in.readUnsignedByte()); // NMETHODS, METHODS
    out.write(NO_AUTH);
    in.skipNBytes(3); // VER CMD RSV
    int atyp = in.readUnsignedByte();
    int addressLength =
        switch (atyp) {
          case 1 -> 4;
          case 4 -> 16;
          case 3 -> in.readUnsignedByte();
          default -> throw new IOException("address type " + atyp);
        };
    in.skipNBytes(addressLength + 2L); // DST.ADDR DST.PORT
    out.write(SUCCEEDED);
    out.flush();
  }
}
