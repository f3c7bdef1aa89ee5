package dev.socksgate.app.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The relay itself: half-close in each direction (a direction that has ended leaves the other one
 * open, RFC 793 half-close as a relay must pass it on), and 16 MiB each way at once, checked with
 * SHA-256 on both ends.
 */
final class StreamChecks {

  private static final byte[] AFTER_FIN =
      "sent after the other side's half-close\n".getBytes(StandardCharsets.US_ASCII);

  private final Socks socks;
  private final LoopbackOrigin origin;
  private final Received expectedUp;
  private final Received expectedDown;

  StreamChecks(Socks socks, LoopbackOrigin origin) {
    this.socks = socks;
    this.origin = origin;
    this.expectedUp = Payload.expected(Payload.UP_SEED);
    this.expectedDown = Payload.expected(Payload.DOWN_SEED);
  }

  List<Check> checks() {
    return List.of(
        new Check("halfclose.client", this::clientFirst),
        new Check("halfclose.origin", this::originFirst),
        new Check("transfer.16mib", this::transfer));
  }

  private Conn tunnel(Probe p, OriginMode mode) throws Fault, IOException {
    InetSocketAddress a = origin.address(mode);
    Conn c = p.open();
    socks.granted(c, socks.connect5(Socks.address(a), a.getPort()), false);
    return c;
  }

  /** The client half-closes; the origin answers only after it saw that. */
  private Outcome clientFirst(Probe p) throws Fault, IOException {
    Conn c = tunnel(p, OriginMode.DEFERRED);
    c.write(AFTER_FIN);
    c.shutdownOutput();
    byte[] back = c.readToEnd(OriginMode.SMALL, "the origin's answer");
    if (back.length == 0) {
      return Outcome.fail("the connection ended when the client half-closed; nothing came back");
    }
    return Arrays.equals(back, AFTER_FIN)
        ? Outcome.pass("after the client's FIN the origin's " + back.length + " bytes still came")
        : Outcome.fail("after the client's FIN the origin's answer came back changed");
  }

  /** The origin half-closes first; the client then still sends, and the origin must get it. */
  private Outcome originFirst(Probe p) throws Fault, IOException, InterruptedException {
    BlockingQueue<Received> reports = origin.reports(OriginMode.SPEAKER);
    reports.clear();
    Conn c = tunnel(p, OriginMode.SPEAKER);
    byte[] first = c.readToEnd(OriginMode.SMALL, "the origin's line");
    if (!Arrays.equals(first, OriginMode.SPEAKER_LINE)) {
      return Outcome.fail("the origin's line did not arrive whole before its FIN");
    }
    try {
      c.write(AFTER_FIN);
      c.shutdownOutput();
    } catch (Fault e) {
      return Outcome.fail("after the origin's FIN the client could not send: " + e.reason());
    }
    Optional<Received> got =
        Optional.ofNullable(reports.poll(p.remainingMillis(), TimeUnit.MILLISECONDS));
    if (got.isEmpty()) {
      return Outcome.fail("the origin's connection stayed open: " + p.timedOut());
    }
    MessageDigest d = Payload.sha256();
    Received expected = Received.of(AFTER_FIN.length, d.digest(AFTER_FIN));
    if (got.get().count() == 0) {
      return Outcome.fail(
          "the connection ended when the origin half-closed; the client's data was lost");
    }
    return got.get().equals(expected)
        ? Outcome.pass(
            "after the origin's FIN the client's " + AFTER_FIN.length + " bytes still reached it")
        : Outcome.fail("after the origin's FIN the client's data reached it changed");
  }

  private Outcome transfer(Probe p) throws Fault, IOException, InterruptedException {
    BlockingQueue<Received> reports = origin.reports(OriginMode.CHECKSUM);
    reports.clear();
    Conn c = tunnel(p, OriginMode.CHECKSUM);
    Upload up = new Upload(c);
    up.start();
    MessageDigest d = Payload.sha256();
    long count = c.digestToEnd(d, 2 * Payload.LENGTH);
    Received down = Received.of(count, d.digest());
    up.join(p.remainingMillis());
    Optional<Received> atOrigin =
        Optional.ofNullable(reports.poll(p.remainingMillis(), TimeUnit.MILLISECONDS));
    String upload =
        atOrigin
            .map(r -> verdict(r, expectedUp))
            .orElse("not received (the origin's side stayed open)");
    String download = verdict(down, expectedDown);
    String problem = up.failure().map(f -> "; the upload broke: " + f).orElse("");
    if (upload.equals("ok") && download.equals("ok")) {
      return Outcome.pass("16 MiB up and 16 MiB down at once, SHA-256 verified at both ends");
    }
    return Outcome.fail("upload " + upload + ", download " + download + problem);
  }

  private static String verdict(Received got, Received expected) {
    if (got.equals(expected)) {
      return "ok";
    }
    return got.count() == expected.count()
        ? "CORRUPT (SHA-256 differs)"
        : "SHORT (" + got.count() + " of " + expected.count() + " bytes)";
  }
}
