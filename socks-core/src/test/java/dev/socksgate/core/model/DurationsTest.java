package dev.socksgate.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void units_parse() {
    assertEquals(Duration.ofSeconds(120), Durations.parse("120"));
    assertEquals(Duration.ofSeconds(120), Durations.parse("120 s"));
    assertEquals(Duration.ofMinutes(2), Durations.parse("2 minutes"));
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofHours(1), Durations.parse("1 hour"));
  }

  @Test
  void garbage_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("5 fortnights"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("-5"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("9999999999999"));
  }
}
