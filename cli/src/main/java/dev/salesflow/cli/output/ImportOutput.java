package dev.salesflow.cli.output;

import dev.salesflow.core.model.ImportResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code import} prints: a summary for people, or every row's outcome as json. */
public final class ImportOutput {
  private ImportOutput() {}

  public static String text(ImportResult r, boolean dryRun, boolean skipInvalid) {
    StringBuilder s = new StringBuilder();
    for (ImportResult.Duplicate d : r.duplicates()) {
      s.append("row ").append(d.row()).append(": ").append(d.company()).append(" / ").append(d.contact())
          .append(d.existing().startsWith("row ") ? " repeats " : " is already registered as ")
          .append(d.existing()).append("; skipped\n");
    }
    int n = r.registered().size();
    String events = r.events() == 0 ? "" : " with " + r.events() + (r.events() == 1 ? " event" : " events");
    int invalid = r.errors().size() + r.logErrors().size();
    if (r.written()) {
      s.append("Registered ").append(cases(n)).append(n == 0 ? "" : " (" + range(r.registered()) + ")").append(events);
    } else if (dryRun) {
      s.append("Dry run: would register ").append(cases(n)).append(events);
    } else if (invalid > 0 && !skipInvalid) {
      s.append("Nothing registered: ").append(invalid).append(invalid == 1 ? " invalid row" : " invalid rows")
          .append(" (fix them, or register the valid rows with --skip-invalid)");
    } else {
      s.append("Registered no cases");
    }
    s.append(" from ").append(r.rows()).append(r.rows() == 1 ? " row" : " rows");
    if (!r.duplicates().isEmpty()) {
      s.append("; ").append(r.duplicates().size()).append(" already registered");
    }
    if (invalid > 0 && (skipInvalid || dryRun)) {
      s.append("; ").append(invalid).append(" invalid");
    }
    return s.append(".\n").toString();
  }

  private static String cases(int n) {
    return n + (n == 1 ? " case" : " cases");
  }

  private static String range(List<ImportResult.Registered> registered) {
    String first = registered.get(0).id();
    String last = registered.get(registered.size() - 1).id();
    return first.equals(last) ? first : first + " … " + last;
  }

  /**
   * What the import assumed, one line per kind, e.g. {@code 12 rows (the first row 5) have no registered_at: ...};
   * times without an offset were read in {@code zone}, now is shown in the workspace's {@code nowZone}.
   */
  public static List<String> assumptions(ImportResult r, java.time.ZoneId zone, java.time.OffsetDateTime now,
      java.time.ZoneId nowZone) {
    List<String> lines = new java.util.ArrayList<>();
    for (ImportResult.Assumption a : r.assumptions()) {
      String rows = a.rows() == 1 ? "row " + a.firstRow() : a.rows() + " rows (the first row " + a.firstRow() + ")";
      lines.add(rows + switch (a.kind()) {
        case REGISTERED_NOW -> (a.rows() == 1 ? " has" : " have") + " no registered_at: registered at now, "
            + CaseOutput.time(now, nowZone);
        case DATE_ONLY -> (a.rows() == 1 ? " gives" : " give") + " registered_at as a date only: read as 00:00 in " + zone.getId();
        case NO_OFFSET -> (a.rows() == 1 ? " gives" : " give") + " registered_at without an offset: read in " + zone.getId();
      });
    }
    return lines;
  }

  public static Map<String, Object> json(ImportResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", r.rows());
    m.put("written", r.written());
    m.put("events", r.events());
    m.put("registered", r.registered().stream().map(x -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("row", x.row());
      e.put("id", x.id());
      e.put("company", x.company());
      return e;
    }).toList());
    m.put("duplicates", r.duplicates().stream().map(x -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("row", x.row());
      e.put("company", x.company());
      e.put("contact", x.contact());
      e.put("existing", x.existing());
      return e;
    }).toList());
    m.put("assumed", r.assumptions().stream().map(x -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("kind", x.kind().name().toLowerCase(java.util.Locale.ROOT));
      e.put("rows", x.rows());
      e.put("first_row", x.firstRow());
      return e;
    }).toList());
    m.put("errors", r.errors().stream().map(x -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("row", x.row());
      e.put("message", x.message());
      return e;
    }).toList());
    m.put("event_errors", r.logErrors());
    return m;
  }
}
