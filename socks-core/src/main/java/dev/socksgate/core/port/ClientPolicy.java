package dev.socksgate.core.port;

import java.net.InetAddress;

/**
 * Decides, from its address alone, whether a client may talk to the server at all (Tor's {@code
 * SocksPolicy}). Called by the transport for every accepted connection before a byte is read, on an
 * event-loop thread: implementations must be fast, must not block, and must be thread-safe.
 */
@FunctionalInterface
public interface ClientPolicy {

  /** Admits every client. */
  ClientPolicy ADMIT_ALL = client -> true;

  /** Returns true if a client connecting from {@code client} may be served. */
  boolean admits(InetAddress client);
}
