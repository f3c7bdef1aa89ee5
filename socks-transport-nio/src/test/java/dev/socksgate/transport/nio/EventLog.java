package dev.socksgate.transport.nio;

import static org.junit.jupiter.api.Assertions.fail;

import dev.socksgate.core.handshake.HandshakeError;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Records what the server reports, and lets a test wait (bounded) for a condition on it. */
final class EventLog implements ServerEvents {

  private int open;
  private int rejected;
  private final List<Object> events = new ArrayList<>();
  private final List<StreamRecord> records = new ArrayList<>();
  private final List<InetAddress> refusedByPolicy = new ArrayList<>();
  private final List<InetAddress> refusedByAddressLimit = new ArrayList<>();
  private int refusedByUserLimit;
  private final List<InetSocketAddress> shed = new ArrayList<>();
  private final List<InetSocketAddress> accepted = new ArrayList<>();
  private final List<InetAddress> proxyUntrusted = new ArrayList<>();
  private final List<ProxyHeaderFailure> proxyFailures = new ArrayList<>();

  @Override
  public synchronized void connectionAccepted(ClientInfo client) {
    accepted.add(client.remote());
    open++;
    notifyAll();
  }

  @Override
  public synchronized void connectionRejected(InetSocketAddress listener) {
    rejected++;
    notifyAll();
  }

  @Override
  public synchronized void connectionRefusedByPolicy(
      InetSocketAddress listener, InetSocketAddress client) {
    refusedByPolicy.add(client.getAddress());
    notifyAll();
  }

  @Override
  public synchronized void connectionRefusedByAddressLimit(
      InetSocketAddress listener, InetSocketAddress client) {
    refusedByAddressLimit.add(client.getAddress());
    notifyAll();
  }

  @Override
  public synchronized void authenticationRefusedByUserLimit(ClientInfo client) {
    refusedByUserLimit++;
    notifyAll();
  }

  @Override
  public synchronized void handshakeShed(ClientInfo client) {
    shed.add(client.remote());
    notifyAll();
  }

  @Override
  public synchronized void handshakeFailed(ClientInfo client, HandshakeError error) {
    events.add(error.kind());
    notifyAll();
  }

  @Override
  public synchronized void requestDone(StreamRequest request) {
    events.add(request);
    notifyAll();
  }

  @Override
  public synchronized void streamFailed(StreamRequest request, StreamFailure failure) {
    events.add(failure);
    notifyAll();
  }

  @Override
  public synchronized void streamFinished(StreamRecord record) {
    records.add(record);
    notifyAll();
  }

  /** The finished streams, in order. */
  synchronized List<StreamRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public synchronized void connectionClosed(ClientInfo client) {
    open--;
    notifyAll();
  }

  @Override
  public synchronized void proxyHeaderUntrusted(
      InetSocketAddress listener, InetSocketAddress source) {
    proxyUntrusted.add(source.getAddress());
    notifyAll();
  }

  @Override
  public synchronized void proxyHeaderFailed(
      InetSocketAddress listener, InetSocketAddress source, ProxyHeaderFailure failure) {
    proxyFailures.add(failure);
    notifyAll();
  }

  /** The client address of every accepted connection, in order. */
  synchronized List<InetSocketAddress> accepted() {
    return List.copyOf(accepted);
  }

  /** The sources refused for sending PROXY headers without being trusted, in order. */
  synchronized List<InetAddress> proxyUntrusted() {
    return List.copyOf(proxyUntrusted);
  }

  /** Why PROXY headers failed, in order. */
  synchronized List<ProxyHeaderFailure> proxyFailures() {
    return List.copyOf(proxyFailures);
  }

  synchronized int open() {
    return open;
  }

  synchronized int rejected() {
    return rejected;
  }

  /** The clients --socks-policy refused, in order. */
  synchronized List<InetAddress> refusedByPolicy() {
    return List.copyOf(refusedByPolicy);
  }

  /** The clients --max-connections-per-address refused, in order. */
  synchronized List<InetAddress> refusedByAddressLimit() {
    return List.copyOf(refusedByAddressLimit);
  }

  /** How many logins --max-connections-per-user refused. */
  synchronized int refusedByUserLimit() {
    return refusedByUserLimit;
  }

  /** The clients shed for newcomers, in order. */
  synchronized List<InetSocketAddress> shed() {
    return List.copyOf(shed);
  }

  synchronized List<Object> events() {
    return List.copyOf(events);
  }

  /** Waits up to 5 s for {@code condition} to hold. */
  synchronized void await(String what, Predicate<EventLog> condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.test(this)) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        fail("timed out waiting for " + what + "; open=" + open + " events=" + events);
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  void awaitOpen(int n) {
    await(n + " open connections", l -> l.open == n);
  }
}
