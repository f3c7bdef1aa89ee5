package dev.socksgate.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of one run: named values in order, printed as a two-column table for people and as one
 * JSON line for scripts (the last line of the output). A run that lost or corrupted data, or ran
 * out of time, is not {@linkplain #verified() verified} and the command exits 1.
 */
final class Report {

  private final Map<String, Object> json = new LinkedHashMap<>();
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private boolean verified = true;

  Report(String scenario, String target) {
    json.put("scenario", scenario);
    json.put("target", target);
    rows.add(new String[] {"scenario", scenario});
    rows.add(new String[] {"target", target});
  }

  /** Adds a value to the JSON line and a row to the table. */
  Report metric(String key, String label, Object value, String unit) {
    json.put(key, value);
    rows.add(new String[] {label, format(value) + (unit.isEmpty() ? "" : " " + unit)});
    return this;
  }

  /** Adds a value to the JSON line only. */
  Report field(String key, Object value) {
    json.put(key, value);
    return this;
  }

  /** Adds a line printed under the table (and to the JSON "notes"). */
  Report note(String text) {
    notes.add(text);
    return this;
  }

  /** Marks the run as failed, with the reason. */
  Report fail(String reason) {
    verified = false;
    return note("FAILED: " + reason);
  }

  boolean verified() {
    return verified;
  }

  /** Returns the table, the notes and, last, the JSON line. */
  String render() {
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      b.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", r[0], r[1]));
    }
    b.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", "verified", verified));
    for (String n : notes) {
      b.append(n).append(System.lineSeparator());
    }
    return b.append(json()).append(System.lineSeparator()).toString();
  }

  /** Returns the JSON line (without a line break). */
  String json() {
    Map<String, Object> all = new LinkedHashMap<>(json);
    all.put("verified", verified);
    if (!notes.isEmpty()) {
      all.put("notes", notes);
    }
    return Json.write(all);
  }

  private static String format(Object v) {
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, d >= 100 ? "%,.0f" : "%,.2f", d);
    }
    if (v instanceof Long || v instanceof Integer) {
      return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
    }
    return String.valueOf(v);
  }
}
