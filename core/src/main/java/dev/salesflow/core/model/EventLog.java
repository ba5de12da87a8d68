package dev.salesflow.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The events to import with a case list ({@code import CASES.csv --events FILE}), oldest first
 * within each case.
 *
 * @param file the file's name as given, for messages ({@code events.csv:17: ...})
 * @param rows its events, in file order
 */
public record EventLog(String file, List<EventRow> rows) {
  /**
   * Copies the rows so the log is immutable.
   *
   * @param file the file's name; not null
   * @param rows the events; not null
   */
  public EventLog {
    Objects.requireNonNull(file, "file");
    rows = List.copyOf(rows);
  }
}
