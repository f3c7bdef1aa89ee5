package dev.socksgate.app.wiring;

import dev.socksgate.app.auth.AuthFile;
import dev.socksgate.app.auth.FileAuthenticator;
import dev.socksgate.app.cli.ConfigSnapshot;
import dev.socksgate.app.cli.UsageException;
import dev.socksgate.app.config.AppConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reload (SIGHUP, and {@code SIGNAL RELOAD} / {@code SIGNAL HUP} on the control port): parses the
 * original command line again with the {@code --config} file as it is now, re-reads the {@code
 * --auth-file}, and applies the changed options that have an {@linkplain Applier applier}; all or
 * nothing. A file that does not parse (or an auth file that cannot be read) changes nothing and is
 * logged with its file and line. Users whose auth-file entry was removed or changed are revoked:
 * their open connections (relays, and logins still opening a stream) are closed, and the others
 * carry on. A changed option without an applier (listeners, loops, every option not marked
 * reloadable) is reported as needing a restart and keeps its running value, and keeps being
 * reported until the server is restarted or the file is changed back. One info line summarises
 * every reload.
 *
 * <p>Command-line options keep winning over the file on reload, as in Tor: an option given on the
 * command line cannot be changed by editing the file.
 */
public final class Reloader {

  private static final Logger LOG = LoggerFactory.getLogger("socksgate");

  /** The option whose file is re-read on every reload, changed or not. */
  static final String AUTH_FILE = "auth-file";

  /** The option applied after the summary is logged. */
  static final String LOG_LEVEL = "log-level";

  /** Applies one option's new value to the running server; must not fail. */
  @FunctionalInterface
  public interface Applier {
    /** Makes the running server use {@code next}'s value of the option. */
    void apply(AppConfig next);
  }

  /** Closes the open connections of revoked users. */
  @FunctionalInterface
  public interface Revoker {
    /**
     * Closes the connections authenticated as one of {@code users} (names as {@link
     * AuthFile#revokedBy} gives them); completes with how many it closed.
     */
    CompletionStage<Integer> closeConnectionsOf(Set<String> users);
  }

  /** The longest a reload waits for the event loops to close revoked users' connections. */
  static final long REVOKE_WAIT_SECONDS = 10;

  /** What a reload did. */
  public sealed interface Outcome permits Applied, Refused {
    /** Returns the line that was logged. */
    String summary();
  }

  /**
   * The reload ran: the changed reloadable options were applied.
   *
   * @param summary the info line logged
   * @param applied the options applied
   * @param needsRestart the changed options left as they were
   */
  public record Applied(String summary, List<String> applied, List<String> needsRestart)
      implements Outcome {
    /** Copies the lists. */
    public Applied {
      applied = List.copyOf(applied);
      needsRestart = List.copyOf(needsRestart);
    }
  }

  /**
   * The reload changed nothing: the file did not parse, or the auth file could not be read.
   *
   * @param summary the warning logged, naming the file (and line)
   */
  public record Refused(String summary) implements Outcome {}

  private final Map<String, Applier> appliers;
  private final Optional<FileAuthenticator> authenticator;
  private final Revoker revoker;
  private Optional<ConfigSnapshot> running; // guarded by this

  /**
   * Creates the reloader.
   *
   * @param startup the configuration the server runs with; empty when it was not parsed from a
   *     command line (in-process tests), so that there is nothing to re-read
   * @param appliers by option long name (without {@code --}): what applies a new value
   * @param authenticator the {@code --auth-file} verifier, if any; its file is re-read
   * @param revoker closes the connections of users the new auth file revokes
   */
  Reloader(
      Optional<ConfigSnapshot> startup,
      Map<String, Applier> appliers,
      Optional<FileAuthenticator> authenticator,
      Revoker revoker) {
    this.running = Objects.requireNonNull(startup, "startup");
    this.appliers = Map.copyOf(appliers);
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.revoker = Objects.requireNonNull(revoker, "revoker");
  }

  /** Reloads once; concurrent reloads run one after the other. */
  public synchronized Outcome reload() {
    if (running.isEmpty()) {
      return refuse("reload: nothing to re-read (not started from a command line)");
    }
    ConfigSnapshot now = running.get();
    ConfigSnapshot next;
    try {
      next = now.reread();
    } catch (UsageException e) {
      return refuse("reload failed, configuration unchanged: " + e.getMessage());
    }
    ConfigSnapshot.Changes changes = now.changesTo(next);
    List<String> applied = new ArrayList<>();
    List<String> restart = new ArrayList<>(changes.needsRestart());
    boolean authOnBoth = authenticator.isPresent() && next.config().authFile().isPresent();
    for (String name : changes.reloadable()) {
      boolean ok = name.equals(AUTH_FILE) ? authOnBoth : appliers.containsKey(name);
      (ok ? applied : restart).add(name);
    }
    Optional<AuthFile> users = Optional.empty();
    if (authOnBoth && !restart.contains(AUTH_FILE)) {
      Path file = next.config().authFile().get();
      try {
        users = Optional.of(AuthFile.read(file));
      } catch (IOException | IllegalArgumentException e) { // unreadable, or a bad line
        return refuse(
            "reload failed, configuration unchanged: cannot read --auth-file "
                + file
                + ": "
                + e.getMessage());
      }
    }
    // Everything is read: from here on nothing fails. The summary goes out once everything else
    // is in force, and before a new log level, so that a level above info does not hide it.
    for (String name : applied) {
      if (!name.equals(LOG_LEVEL)) {
        apply(name, next.config());
      }
    }
    Optional<String> revoked = Optional.empty();
    if (users.isPresent() && authenticator.isPresent()) {
      Set<String> gone = authenticator.get().file().revokedBy(users.get());
      authenticator.get().replace(users.get()); // first, so that no revoked login gets back in
      if (!gone.isEmpty()) {
        revoked = Optional.of(revoke(gone));
      }
    }
    running = Optional.of(now.adopt(next, applied));
    String summary = summary(applied, restart, users.map(AuthFile::size), revoked);
    LOG.info("{}", summary);
    if (applied.contains(LOG_LEVEL)) {
      apply(LOG_LEVEL, next.config());
    }
    return new Applied(summary, applied, restart);
  }

  private void apply(String name, AppConfig next) {
    Applier a = appliers.get(name);
    if (a != null) {
      a.apply(next);
    }
  }

  /** Closes the connections of {@code users}; returns the summary's words for it. */
  private String revoke(Set<String> users) {
    String of = " of " + users.size() + " revoked user(s)";
    try {
      int closed =
          revoker
              .closeConnectionsOf(users)
              .toCompletableFuture()
              .get(REVOKE_WAIT_SECONDS, TimeUnit.SECONDS);
      return "closed " + closed + " connection(s)" + of;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while closing the connections" + of;
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Closing the connections of revoked users failed", e);
      return "closing the connections" + of + " did not finish";
    }
  }

  private static String summary(
      List<String> applied,
      List<String> restart,
      Optional<Integer> users,
      Optional<String> revoked) {
    StringBuilder b = new StringBuilder("reload: ");
    b.append(applied.isEmpty() ? "no option changed" : "changed " + String.join(", ", applied));
    users.ifPresent(n -> b.append("; auth file re-read, ").append(n).append(" user(s)"));
    revoked.ifPresent(r -> b.append(", ").append(r));
    if (!restart.isEmpty()) {
      b.append("; needs a restart, left as it was: ").append(String.join(", ", restart));
    }
    return b.toString();
  }

  private static Refused refuse(String message) {
    LOG.warn("{}", message);
    return new Refused(message);
  }
}
