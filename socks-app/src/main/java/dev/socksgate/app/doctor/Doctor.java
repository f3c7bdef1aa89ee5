package dev.socksgate.app.doctor;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code socksgate doctor}: runs every check, one at a time, against the server in {@link
 * DoctorOptions#proxy()}, prints a line for each and a summary.
 *
 * <p>Exit status 0 when no check failed (SKIP does not count), 1 otherwise.
 */
public final class Doctor {

  private Doctor() {}

  /**
   * Runs the doctor.
   *
   * @return the exit status: 0 when every check that applies passed, 1 otherwise
   * @throws IOException when the loopback origin cannot be started
   * @throws InterruptedException if interrupted
   */
  public static int run(DoctorOptions options, PrintWriter out)
      throws IOException, InterruptedException {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "doctor-timer");
              t.setDaemon(true);
              return t;
            });
    try (LoopbackOrigin origin = LoopbackOrigin.start(options.timeout())) {
      out.println(header(options, origin));
      Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
      for (Check c : checks(options, origin)) {
        Outcome o = runOne(c, options, timer);
        counts.merge(o.verdict(), 1, Integer::sum);
        out.println(String.format(Locale.ROOT, "%-4s %-18s %s", o.verdict(), c.id(), o.reason()));
        out.flush();
      }
      int failed = counts.getOrDefault(Verdict.FAIL, 0);
      out.println(
          String.format(
              Locale.ROOT,
              "%d passed, %d failed, %d skipped: %s",
              counts.getOrDefault(Verdict.PASS, 0),
              failed,
              counts.getOrDefault(Verdict.SKIP, 0),
              failed == 0 ? "every check that applies passed" : "see the FAIL lines"));
      return failed == 0 ? 0 : 1;
    } finally {
      timer.shutdownNow();
    }
  }

  /** The checks in the order they run: method selection first, as later verdicts use it. */
  static List<Check> checks(DoctorOptions options, LoopbackOrigin origin) {
    Findings findings = new Findings();
    boolean withLogin = options.login().isPresent();
    Socks socks = new Socks(options.login(), findings);
    List<Check> all = new ArrayList<>();
    all.addAll(new MethodChecks(withLogin, findings).checks());
    all.addAll(guarded(new ConnectChecks(socks, origin, findings, withLogin).checks(), findings));
    all.addAll(new AuthChecks(options.login(), origin, findings).checks());
    all.addAll(guarded(new TorChecks(socks, origin).checks(), findings));
    all.addAll(guarded(new RefusalChecks(socks, origin).checks(), findings));
    all.addAll(guarded(new StreamChecks(socks, origin).checks(), findings));
    return all;
  }

  /**
   * Makes checks that send the login SKIP once the server has refused it: sending a refused
   * password again tells nothing new, and sets off the server's failure back-off (SocksGate delays
   * an address's attempts after five failures), which would turn every later check into a timeout.
   */
  private static List<Check> guarded(List<Check> checks, Findings findings) {
    List<Check> out = new ArrayList<>(checks.size());
    for (Check c : checks) {
      out.add(
          new Check(
              c.id(),
              p ->
                  findings.loginRefused()
                      ? Outcome.skip("the server refused the login; not sent again")
                      : c.body().run(p)));
    }
    return out;
  }

  private static Outcome runOne(Check c, DoctorOptions options, ScheduledExecutorService timer)
      throws InterruptedException {
    try (Probe p = new Probe(options.proxy(), options.timeout(), timer)) {
      try {
        return c.body().run(p);
      } catch (Fault e) {
        return Outcome.fail(e.reason());
      } catch (IOException e) {
        return Outcome.fail(p.expired() ? p.timedOut() : "I/O error: " + e);
      }
    }
  }

  private static String header(DoctorOptions options, LoopbackOrigin origin) {
    String v6 =
        origin.echoV6().map(a -> " and [::1]:" + a.getPort()).orElse(" (no ::1 on this machine)");
    return "socksgate doctor: server "
        + options.proxy().getAddress().getHostAddress()
        + ":"
        + options.proxy().getPort()
        + ", echo origin 127.0.0.1:"
        + origin.address(OriginMode.ECHO).getPort()
        + v6
        + ", "
        + Probe.format(options.timeout())
        + " per check"
        + options.login().map(l -> ", with --user").orElse("");
  }
}
