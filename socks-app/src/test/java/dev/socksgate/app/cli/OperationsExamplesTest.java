package dev.socksgate.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.config.AppConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config examples of docs/operations.md's "Exposing it beyond loopback" are real: each parses
 * as a config file, and the LAN allowlist admits what the text says it admits.
 */
class OperationsExamplesTest {

  private static final Path DOCS = Path.of("..", "docs", "operations.md");

  @TempDir Path dir;

  @Test
  void everyExampleParses_andTheAllowlistDoesWhatItSays() throws Exception {
    List<String> blocks = examples();
    assertEquals(5, blocks.size(), "the section's config examples: " + blocks);
    List<AppConfig> configs = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Path file = dir.resolve("example" + i + ".conf");
      Files.writeString(file, blocks.get(i), StandardCharsets.UTF_8);
      StringWriter err = new StringWriter();
      Invocation inv =
          new CliParser(new PrintWriter(new StringWriter()), new PrintWriter(err))
              .parse(new String[] {"--config", file.toString()});
      configs.add(assertInstanceOf(Invocation.Run.class, inv, err.toString()).config());
    }
    var lan = configs.get(0).socksPolicy();
    for (String admitted : List.of("192.168.1.7", "10.8.200.1", "fd00:1::5")) {
      assertTrue(lan.admits(InetAddress.getByName(admitted)), admitted);
    }
    for (String refused : List.of("192.168.2.7", "8.8.8.8", "fd00:2::5", "127.0.0.1")) {
      assertFalse(lan.admits(InetAddress.getByName(refused)), refused);
    }
    AppConfig caps = configs.get(1); // per-client caps
    assertEquals(64, caps.maxConnectionsPerAddress());
    assertEquals(16, caps.maxConnectionsPerUser());
    assertEquals(4000, caps.maxConnections());
    assertTrue(caps.authFile().isPresent());
    assertEquals(7, configs.get(2).exitPolicy().rules().size());
    assertEquals(3, configs.get(3).exitPolicy().rules().size());
    assertEquals(1 << 20, configs.get(4).bandwidthRate());
    assertEquals(4 << 20, configs.get(4).bandwidthBurst());
  }

  /** The fenced blocks without a language between the section's heading and the next one. */
  private static List<String> examples() throws Exception {
    String text = Files.readString(DOCS, StandardCharsets.UTF_8);
    int from = text.indexOf("## Exposing it beyond loopback");
    assertTrue(from >= 0, "section missing");
    int to = text.indexOf("\n## ", from + 1);
    String section = text.substring(from, to < 0 ? text.length() : to);
    List<String> blocks = new ArrayList<>();
    int at = 0;
    while ((at = section.indexOf("\n```", at)) >= 0) { // an opening fence, with its language
      int eol = section.indexOf('\n', at + 1);
      int end = section.indexOf("\n```\n", eol);
      if (eol == at + 4) {
        blocks.add(section.substring(eol + 1, end + 1));
      }
      at = end + 4;
    }
    return blocks;
  }
}
