package dev.salesflow.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event of an event file ({@code export --events} written as CSV or JSON lines), as read: its
 * cells by column, before any of them is judged.
 *
 * @param line where the event starts in its file, 1-based (the CSV header is line 1)
 * @param cells column name to value, blank cells left out, in the file's column order: {@code
 *     case}, {@code at}, {@code type}, {@code by}, {@code note} and the event's further fields
 */
public record EventRow(int line, Map<String, String> cells) {
  /** The column naming the case an event belongs to. */
  public static final String CASE = "case";

  /**
   * Copies the cells, keeping their order, so the row is immutable.
   *
   * @param line the 1-based line; at least 1
   * @param cells column to value; no null names or values
   */
  public EventRow {
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1, got " + line);
    }
    cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    cells.forEach((column, value) -> {
      if (column == null || value == null) {
        throw new IllegalArgumentException("cell " + column + " has no value");
      }
    });
  }

  /**
   * The id of the case the event belongs to.
   *
   * @return the {@code case} cell, or null when it is blank
   */
  public String caseId() {
    return cells.get(CASE);
  }
}
