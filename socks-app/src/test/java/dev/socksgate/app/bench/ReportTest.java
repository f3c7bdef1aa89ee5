package dev.socksgate.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void render_endsWithOneJsonLine() {
    Report r =
        new Report("churn", "127.0.0.1:1080")
            .metric("conn_per_s", "connections/s", 1234.5678, "")
            .field("steps", List.of(Map.of("tunnels", 10)));
    String[] lines = r.render().split("\\R");
    String json = lines[lines.length - 1];
    assertEquals(
        "{\"scenario\":\"churn\",\"target\":\"127.0.0.1:1080\",\"conn_per_s\":1234.568,"
            + "\"steps\":[{\"tunnels\":10}],\"verified\":true}",
        json);
    assertTrue(lines[2].startsWith("connections/s"));
    assertTrue(lines[2].endsWith("1,235"));
  }

  @Test
  void failure_isInTheTableAndTheJson() {
    Report r = new Report("bulk", "direct").fail("stream 3: \"corrupt\"\n");
    assertFalse(r.verified());
    assertTrue(r.json().contains("\"verified\":false"));
    assertTrue(r.json().contains("stream 3: \\\"corrupt\\\"\\u000a"), r.json());
  }
}
