package dev.socksgate.transport.nio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.core.model.StreamFailure;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/** What the JDK throws for each connect errno, mapped to the core's failures (REP codes). */
class ConnectFailuresTest {

  @Test
  void errnoExceptions_mapToStreamFailures() {
    assertEquals(
        StreamFailure.CONNECTION_REFUSED,
        ConnectFailures.classify(new ConnectException("Connection refused")));
    assertEquals(
        StreamFailure.CONNECTION_REFUSED,
        ConnectFailures.classify(new SocketException("Connection reset")));
    assertEquals(
        StreamFailure.TIMED_OUT,
        ConnectFailures.classify(new ConnectException("Connection timed out")));
    assertEquals(
        StreamFailure.NETWORK_UNREACHABLE,
        ConnectFailures.classify(new SocketException("Network is unreachable")));
    assertEquals(
        StreamFailure.HOST_UNREACHABLE,
        ConnectFailures.classify(new NoRouteToHostException("No route to host")));
    assertEquals(
        StreamFailure.HOST_UNREACHABLE,
        ConnectFailures.classify(new BindException("Permission denied")));
    assertEquals(
        StreamFailure.RESOLVE_FAILED, ConnectFailures.classify(new UnresolvedAddressException()));
    assertEquals(
        StreamFailure.GENERAL,
        ConnectFailures.classify(new SocketException("Too many open files")));
    assertEquals(StreamFailure.GENERAL, ConnectFailures.classify(new IOException()));
  }
}
