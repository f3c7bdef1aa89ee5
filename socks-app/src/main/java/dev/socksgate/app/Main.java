package dev.socksgate.app;

import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import dev.socksgate.app.cli.CliParser;
import dev.socksgate.app.cli.ConfigSnapshot;
import dev.socksgate.app.cli.Invocation;
import dev.socksgate.app.cli.UsageException;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.logging.LogStartup;
import dev.socksgate.app.wiring.Injectors;
import dev.socksgate.app.wiring.Lifecycle;
import dev.socksgate.app.wiring.Reloader;
import dev.socksgate.app.wiring.ServerModules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code socksgate} command: parse the options, build the injector, start the lifecycle, wait
 * for SIGTERM or SIGINT, drain, exit 0; SIGHUP reloads ({@link Reloader}) ({@link StopSignals}: at
 * any moment, even before the listeners are bound). Exit 1 on a start-up failure (one line, no
 * stack trace unless debug), exit 2 on bad options.
 */
public final class Main {

  /** How long open relays may run on after a stop signal. */
  static final Duration DRAIN = Duration.ofSeconds(10);

  private Main() {}

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    StopSignals signals = StopSignals.install(DRAIN); // first: a stop may come at any moment
    PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
    PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
    System.exit(run(args, out, err, signals));
  }

  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, StopSignals.none());
  }

  private static int run(String[] args, PrintWriter out, PrintWriter err, StopSignals signals) {
    // Log4j configures itself on its own thread while the options are parsed and the injector
    // is built; nothing logs before serve() calls finish().
    LogStartup logging = LogStartup.begin();
    CliParser parser = new CliParser(out, err);
    Invocation invocation;
    try {
      invocation = parser.parse(args);
    } catch (UsageException e) {
      err.println("socksgate: " + e.getMessage());
      parser.printUsage();
      return 2;
    }
    if (invocation instanceof Invocation.Exit exit) {
      return exit.code();
    }
    Invocation.Run run = (Invocation.Run) invocation;
    return serve(run.snapshot(), run.checkOnly(), out, logging, signals);
  }

  private static int serve(
      ConfigSnapshot snapshot,
      boolean checkOnly,
      PrintWriter out,
      LogStartup logging,
      StopSignals signals) {
    AppConfig config = snapshot.config();
    Lifecycle lifecycle;
    Reloader reloader;
    try {
      Injector injector = Injectors.create(ServerModules.production(snapshot));
      lifecycle = injector.getInstance(Lifecycle.class);
      reloader = injector.getInstance(Reloader.class);
    } catch (CreationException | ProvisionException | LinkageError e) {
      logging.finish(config.logLevel());
      Logger log = LoggerFactory.getLogger("socksgate");
      log.error("cannot start: {}", rootMessage(e));
      log.debug("start-up failure", e);
      return 1;
    }
    logging.finish(config.logLevel());
    Logger log = LoggerFactory.getLogger("socksgate");
    if (checkOnly) {
      lifecycle.stop(Duration.ZERO); // releases what the injector made
      out.println("configuration OK: " + config.listeners().size() + " listener(s)");
      return 0;
    }
    if (!signals.adopt(lifecycle)) {
      log.debug("stop requested during start-up: nothing was bound");
      lifecycle.stop(Duration.ZERO);
      return 0;
    }
    signals.onReload(reloader::reload);
    try {
      if (!lifecycle.start()) {
        log.debug("stop requested during start-up: nothing was bound");
      }
    } catch (IOException | RuntimeException e) {
      log.error("cannot start: {}", rootMessage(e));
      log.debug("start-up failure", e);
      return 1;
    }
    while (true) {
      try {
        Thread.currentThread().join(); // only a stop ends the server: StopSignals exits
      } catch (InterruptedException e) {
        // not a stop request: keep serving
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
