package dev.salesflow.core.leads;

import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.EventLog;
import dev.salesflow.core.model.EventRow;
import dev.salesflow.core.model.Timestamps;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The events of an event file, grouped by case in file order, each read into an {@link Event} or
 * refused with its line and column. Which of them the process allows is judged later, case by case.
 */
final class EventFile {
  /** The columns every event has; every other column is one of its further fields. */
  private static final List<String> OWN = List.of(EventRow.CASE, "at", "type", "by", "note");

  /** One event as read: the event, or why it cannot be read ({@code FILE:LINE: column 'at': ...}). */
  record Line(int line, Event event, String problem) {}

  private final String file;
  private final Map<String, List<Line>> byCase = new LinkedHashMap<>();
  private final List<String> caseless = new ArrayList<>();

  EventFile(EventLog log, ZoneId zone) {
    this.file = log.file();
    for (EventRow row : log.rows()) {
      if (row.caseId() == null) {
        caseless.add(where(row.line()) + "column 'case' is blank (every event names its case)");
      } else {
        byCase.computeIfAbsent(row.caseId(), id -> new ArrayList<>()).add(read(row, zone));
      }
    }
  }

  private Line read(EventRow row, ZoneId zone) {
    Map<String, String> cells = row.cells();
    String at = cells.get("at");
    String type = cells.get("type");
    if (at == null || type == null) {
      return new Line(row.line(), null, where(row.line()) + "column '" + (at == null ? "at" : "type") + "' is blank");
    }
    Optional<OffsetDateTime> time = Timestamps.parse(at, zone);
    if (time.isEmpty()) {
      return new Line(row.line(), null, where(row.line()) + "column 'at': '" + at + "' is not " + Timestamps.accepted());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    cells.forEach((column, value) -> {
      if (!OWN.contains(column)) {
        fields.put(column, value);
      }
    });
    return new Line(row.line(), new Event(time.get(), type, cells.get("by"), cells.get("note"), fields), null);
  }

  /** {@code FILE:LINE: }, the start of every message about a line. */
  String where(int line) {
    return file + ":" + line + ": ";
  }

  /** The events of case {@code id}, oldest first, no longer {@link #leftOver left over}; empty when it has none. */
  List<Line> take(String id) {
    List<Line> lines = byCase.remove(id);
    return lines == null ? List.of() : lines;
  }

  /**
   * What no row of the case list took: events without a case, and one message per case the list
   * does not hold ({@code stored} tells a case already in the workspace: its log is not appended to).
   */
  List<String> leftOver(Predicate<String> stored) {
    List<String> problems = new ArrayList<>(caseless);
    byCase.forEach((id, lines) -> problems.add(where(lines.get(0).line()) + "case " + id + " (" + lines.size()
        + (lines.size() == 1 ? " event" : " events") + ") is not in the case list"
        + (stored.test(id) ? "; it is already registered here, and --events imports whole cases, it does not append"
            + " to a stored log (record further events with log, advance or batch)" : "")));
    return problems;
  }
}
