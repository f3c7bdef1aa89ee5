package dev.socksgate.app;

import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import dev.socksgate.app.cli.CliParser;
import dev.socksgate.app.cli.Invocation;
import dev.socksgate.app.cli.UsageException;
import dev.socksgate.app.config.AppConfig;
import dev.socksgate.app.logging.LogStartup;
import dev.socksgate.app.logging.Redacted;
import dev.socksgate.app.wiring.Injectors;
import dev.socksgate.app.wiring.Lifecycle;
import dev.socksgate.app.wiring.ServerModules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code socksgate} command: parse the options, build the injector, start the lifecycle, wait
 * for SIGTERM or SIGINT, drain, exit 0. Exit 1 on a start-up failure (one line, no stack trace
 * unless debug), exit 2 on bad options.
 */
public final class Main {

  /** How long open relays may run on after a stop signal. */
  static final Duration DRAIN = Duration.ofSeconds(10);

  private Main() {}

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
    PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
    System.exit(run(args, out, err));
  }

  static int run(String[] args, PrintWriter out, PrintWriter err) {
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
    AppConfig config = run.config();
    Redacted.setSafeLogging(config.safeLogging());
    return serve(config, run.checkOnly(), out, logging);
  }

  private static int serve(AppConfig config, boolean checkOnly, PrintWriter out,
      LogStartup logging) {
    Lifecycle lifecycle;
    try {
      Injector injector = Injectors.create(ServerModules.production(config));
      lifecycle = injector.getInstance(Lifecycle.class);
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
      out.println("configuration OK: " + config.listeners().size() + " listener(s)");
      return 0;
    }
    try {
      lifecycle.start();
    } catch (IOException | RuntimeException e) {
      log.error("cannot start: {}", rootMessage(e));
      log.debug("start-up failure", e);
      return 1;
    }
    // SIGTERM and SIGINT run shutdown hooks. This one drains, then ends the process with status
    // 0 (a normal stop), which a JVM killed by a signal would not report on its own.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      lifecycle.stop(DRAIN);
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(0);
    }, "socksgate-stop"));
    while (true) {
      try {
        Thread.currentThread().join();
      } catch (InterruptedException e) {
        // Only a signal ends the server: the shutdown hook above.
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
