package dev.socksgate.app.cli;

import dev.socksgate.app.config.AppConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A configuration together with where it came from: the command line it was parsed from and the
 * value of every option, so that a reload can parse the same command line again (with the config
 * file as it is now) and say which options changed.
 *
 * <p>On reload the command line keeps winning over the file, as in Tor (which re-reads torrc and
 * keeps its command-line options on top): {@link #reread()} parses the original arguments again,
 * and the file they name.
 */
public final class ConfigSnapshot {

  /**
   * The options that differ between two snapshots, by long name without {@code --}, in the order of
   * {@link ServerOptions#ALL}.
   *
   * @param reloadable changed options that may change at run time
   * @param needsRestart changed options that only a restart can apply
   */
  public record Changes(List<String> reloadable, List<String> needsRestart) {

    /** Copies the lists. */
    public Changes {
      reloadable = List.copyOf(reloadable);
      needsRestart = List.copyOf(needsRestart);
    }
  }

  private final List<String> args;
  private final AppConfig config;
  private final Map<String, List<Object>> values; // every server option: its effective values

  private ConfigSnapshot(List<String> args, AppConfig config, Map<String, List<Object>> values) {
    this.args = List.copyOf(args);
    this.config = Objects.requireNonNull(config, "config");
    this.values = Map.copyOf(values);
  }

  static ConfigSnapshot of(List<String> args, AppConfig config, ParsedOptions merged) {
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (Option<?> o : ServerOptions.ALL) {
      values.put(o.name(), List.copyOf(merged.all(o)));
    }
    return new ConfigSnapshot(args, config, values);
  }

  /** Returns the configuration. */
  public AppConfig config() {
    return config;
  }

  /**
   * Parses the original command line again, with the config file it names as it is now.
   *
   * @throws UsageException if the file (or the command line) no longer parses; the message names
   *     the file and line
   */
  public ConfigSnapshot reread() throws UsageException {
    return CliParser.snapshot(args);
  }

  /** Returns the options whose values differ in {@code next}. */
  public Changes changesTo(ConfigSnapshot next) {
    List<String> reloadable = new ArrayList<>();
    List<String> restart = new ArrayList<>();
    for (Option<?> o : ServerOptions.ALL) {
      if (Objects.equals(values.get(o.name()), next.values.get(o.name()))) {
        continue;
      }
      (o.reloadable() ? reloadable : restart).add(o.name());
    }
    return new Changes(reloadable, restart);
  }

  /**
   * Returns what runs after a reload applied {@code applied} from {@code next}: those options take
   * {@code next}'s values, every other option keeps this one's (so a change that needs a restart is
   * reported again at the next reload). The configuration is {@code next}'s, the last one read.
   */
  public ConfigSnapshot adopt(ConfigSnapshot next, Collection<String> applied) {
    Map<String, List<Object>> merged = new LinkedHashMap<>(values);
    for (String name : applied) {
      List<Object> v = next.values.get(name);
      if (v != null) {
        merged.put(name, v);
      }
    }
    return new ConfigSnapshot(args, next.config, merged);
  }
}
