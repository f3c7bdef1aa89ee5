package dev.socksgate.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

  @Test
  void statLine_withSpacesAndParenthesesInTheCommand() {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime
    // stime cutime cstime ...
    String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 5 3 20 0 15 0";
    assertEquals((250 + 75 + 5 + 3) * ProcStats.MILLIS_PER_TICK, ProcStats.cpuMillisOf(stat));
  }

  @Test
  void ownProcess_isReadable() throws Exception {
    long self = ProcessHandle.current().pid();
    assertTrue(ProcStats.rssKib(self) > 0);
    assertTrue(ProcStats.threads(self) > 0);
    assertTrue(ProcStats.cpuMillis(self) >= 0);
    assertTrue(ProcStats.tree(self).contains(self));
    assertTrue(ProcStats.maxOpenFiles() > 0);
  }
}
