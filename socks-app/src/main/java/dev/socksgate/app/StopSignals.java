package dev.socksgate.app;

import dev.socksgate.app.wiring.Lifecycle;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns SIGTERM and SIGINT into a clean stop with exit status 0, whenever they arrive after {@code
 * main} starts, and SIGHUP into a reload.
 *
 * <p>A JVM left to its default handling runs the shutdown hooks and then reports 143 (or 130): a
 * signal death, which systemd and every test read as a failure. So the two signals get handlers of
 * their own ({@code sun.misc.Signal}, reached by reflection because javac flags every direct use of
 * it as internal API and the build treats warnings as errors). A handler starts one stop thread: it
 * stops the {@linkplain #adopt adopted} lifecycle (listeners close, relays drain, every resource it
 * made is closed) and then calls {@code System.exit(0)}, so every other shutdown hook (a user's own
 * Log4j configuration, for one) still runs. A signal that arrives before the lifecycle exists
 * abandons the start-up: nothing is bound yet, and the process exits 0 at once. Later signals are
 * ignored while the stop runs; a stop that outlives the drain by {@link #MARGIN} halts the process
 * with status 1.
 *
 * <p>SIGHUP asks for a reload ({@link #onReload}); before the server runs, and while it stops, it
 * is ignored.
 *
 * <p>Where the handlers cannot be installed (a JVM started with {@code -Xrs}, or a JDK without
 * {@code sun.misc.Signal}), a shutdown hook does the stop and then halts with status 0, the only
 * way a hook can choose the status. A shutdown hook is installed in either case, so that other ways
 * out ({@code System.exit}, SIGHUP where it cannot be handled) still close the lifecycle.
 */
final class StopSignals {

  /** How long past the drain a stop may run before the process is halted. */
  static final Duration MARGIN = Duration.ofSeconds(10);

  private final Duration drain;
  private volatile boolean handled; // set once, before anything can be adopted
  private final Object lock = new Object();
  private @Nullable Lifecycle lifecycle; // guarded by lock
  private boolean stopping; // guarded by lock
  private volatile Runnable reload = () -> {}; // SIGHUP before the server runs: ignored

  private StopSignals(Duration drain) {
    this.drain = drain;
  }

  /** Installs the handlers and the shutdown hook; call it first thing in {@code main}. */
  static StopSignals install(Duration drain) {
    StopSignals s = new StopSignals(drain); // whole before a handler can reach it
    s.handled = handle(new String[] {"TERM", "INT"}, signal -> s.onSignal());
    handle(new String[] {"HUP"}, signal -> s.onHup()); // not handled: the JVM's default stands
    Runtime.getRuntime().addShutdownHook(new Thread(s::onShutdown, "socksgate-hook"));
    return s;
  }

  /** Signals are not handled: for {@link Main#run} called in-process (tests). */
  static StopSignals none() {
    return new StopSignals(Duration.ZERO);
  }

  /**
   * Hands the lifecycle over before it starts: a later signal stops it.
   *
   * @return false if a stop was already requested: then the caller stops it and exits 0
   */
  boolean adopt(Lifecycle l) {
    synchronized (lock) {
      if (stopping) {
        return false;
      }
      lifecycle = l;
      return true;
    }
  }

  /** Makes SIGHUP run {@code action} (a reload), on the signal's own thread. */
  void onReload(Runnable action) {
    reload = action;
  }

  private void onHup() {
    boolean stop;
    synchronized (lock) {
      stop = stopping;
    }
    if (!stop) {
      reload.run();
    }
  }

  private void onSignal() {
    Lifecycle l;
    synchronized (lock) {
      if (stopping) {
        return; // a second signal: the stop already runs
      }
      stopping = true;
      l = lifecycle;
    }
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(drain.plus(MARGIN).toMillis()); // a deadline, not synchronisation
              } catch (InterruptedException e) {
                return;
              }
              System.err.println(
                  "socksgate: the stop took longer than "
                      + drain.plus(MARGIN).toSeconds()
                      + " s; halting");
              Runtime.getRuntime().halt(1);
            },
            "socksgate-stop-deadline");
    watchdog.setDaemon(true);
    watchdog.start();
    Thread stop =
        new Thread(
            () -> {
              if (l != null) {
                l.stop(drain);
              }
              System.exit(0);
            },
            "socksgate-stop");
    stop.start();
  }

  private void onShutdown() {
    Lifecycle l;
    synchronized (lock) {
      stopping = true;
      l = lifecycle;
    }
    if (l == null) {
      return; // start-up had not got that far, or System.exit with the command's own status
    }
    l.stop(drain); // a no-op when the stop thread already stopped it
    if (!handled) {
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(0);
    }
  }

  /** Installs {@code action} for each named signal; false if any could not be installed. */
  private static boolean handle(String[] names, Consumer<String> action) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      MethodHandle make =
          lookup.findConstructor(signal, MethodType.methodType(void.class, String.class));
      MethodHandle install =
          lookup.findStatic(signal, "handle", MethodType.methodType(handler, signal, handler));
      for (String name : names) {
        Object h =
            Proxy.newProxyInstance(
                StopSignals.class.getClassLoader(),
                new Class<?>[] {handler},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "handle" -> {
                        action.accept(name);
                        yield null;
                      }
                      case "hashCode" -> System.identityHashCode(proxy);
                      case "equals" -> proxy == args[0];
                      default -> "SocksGate " + name + " handler";
                    });
        Object unused = install.invoke(make.invoke(name), h);
      }
      return true;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) { // no such class, or the signal is the VM's: the hook stands in
      return false;
    }
  }
}
