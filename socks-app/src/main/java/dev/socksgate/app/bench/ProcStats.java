package dev.socksgate.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Linux tells about a process in {@code /proc}: CPU time from {@code /proc/PID/stat} (utime +
 * stime, in clock ticks of 10 ms: USER_HZ is 100 on Linux), resident memory ({@code VmRSS}) and
 * thread count ({@code Threads}) from {@code /proc/PID/status}, and the open-files limit.
 *
 * <p>Servers made of several processes (Dante forks workers) are measured as a tree: the process
 * and its live descendants ({@code /proc/PID/task/TID/children}); CPU time also counts the
 * descendants already reaped (cutime + cstime), so forks that end inside a window are not lost.
 * Resident memory summed over a tree counts pages shared after {@code fork} once per process.
 */
final class ProcStats {

  private static final int MAX_TREE = 4096;

  /** Milliseconds per clock tick (USER_HZ = 100). */
  static final int MILLIS_PER_TICK = 10;

  private ProcStats() {}

  /** Returns the CPU time of {@code pid} and its descendants, in milliseconds. */
  static long cpuMillis(long pid) throws IOException {
    long sum = 0;
    for (long p : tree(pid)) {
      try {
        sum +=
            cpuMillisOf(
                Files.readString(
                    Path.of("/proc", Long.toString(p), "stat"), StandardCharsets.US_ASCII));
      } catch (IOException gone) {
        if (p == pid) {
          throw gone;
        } // a descendant that ended meanwhile: its parent's cutime has it now
      }
    }
    return sum;
  }

  /**
   * Parses a {@code /proc/PID/stat} line (the command may contain spaces and parentheses): utime +
   * stime + cutime + cstime.
   */
  static long cpuMillisOf(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ", -1);
    // After "(comm) ": state is field 3; utime, stime, cutime, cstime are fields 14 to 17.
    long ticks = 0;
    for (int i = 11; i <= 14; i++) {
      ticks += Long.parseLong(f[i]);
    }
    return ticks * MILLIS_PER_TICK;
  }

  /** Returns VmRSS of {@code pid} and its descendants, in KiB. */
  static long rssKib(long pid) throws IOException {
    return sumOverTree(pid, "VmRSS:");
  }

  /** Returns the thread count of {@code pid} and its descendants. */
  static long threads(long pid) throws IOException {
    return sumOverTree(pid, "Threads:");
  }

  private static long sumOverTree(long pid, String name) throws IOException {
    long sum = 0;
    for (long p : tree(pid)) {
      try {
        sum += statusField(p, name);
      } catch (IOException gone) {
        if (p == pid) {
          throw gone;
        }
      }
    }
    return sum;
  }

  /** Returns {@code pid} and its live descendants. */
  static List<Long> tree(long pid) {
    List<Long> all = new ArrayList<>();
    all.add(pid);
    for (int i = 0; i < all.size() && all.size() < MAX_TREE; i++) {
      Path tasks = Path.of("/proc", Long.toString(all.get(i)), "task");
      try (DirectoryStream<Path> ts = Files.newDirectoryStream(tasks)) {
        for (Path t : ts) {
          String children = Files.readString(t.resolve("children"), StandardCharsets.US_ASCII);
          for (String c : children.trim().split("\\s+", -1)) {
            if (!c.isEmpty()) {
              all.add(Long.parseLong(c));
            }
          }
        }
      } catch (IOException | RuntimeException gone) {
        // ended meanwhile, or no children file: count what was found
      }
    }
    return all;
  }

  private static long statusField(long pid, String name) throws IOException {
    for (String line :
        Files.readAllLines(
            Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII)) {
      if (line.startsWith(name)) {
        return Long.parseLong(line.substring(name.length()).trim().split("\\s+", -1)[0]);
      }
    }
    throw new IOException("no " + name + " in /proc/" + pid + "/status");
  }

  /** Returns this process's soft limit of open files, or -1 if unknown. */
  static long maxOpenFiles() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc/self/limits"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("Max open files")) {
          String soft = line.substring("Max open files".length()).trim().split("\\s+", -1)[0];
          return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
