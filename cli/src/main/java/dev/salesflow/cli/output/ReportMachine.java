package dev.salesflow.cli.output;

import dev.salesflow.cli.output.ReportSheet.Column;
import dev.salesflow.cli.output.ReportSheet.Fact;
import dev.salesflow.cli.output.ReportSheet.Table;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports for scripts: json with stable keys and ids, and csv of one table. */
public final class ReportMachine {
  private ReportMachine() {}

  /**
   * One object per report: {@code report}, {@code now}, {@code from}, {@code to}, {@code owner},
   * the facts, then each table as a list of rows keyed by column.
   */
  static Map<String, Object> json(ReportSheet sheet, ReportRequest request) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("report", sheet.kind());
    m.put("now", CaseOutput.time(request.now(), request.zone()));
    m.put("from", request.query().from() == null ? null : request.query().from().toString());
    m.put("to", request.query().to() == null ? null : request.query().to().toString());
    m.put("period_of", switch (request.query().period()) {
      case ENDED -> "ended";
      case REACHED -> "reached:" + request.query().stage();
      case REGISTRATION -> sheet.kind().equals("sla") ? "clock_start" : "registration";
    });
    m.put("owner", request.query().owner());
    for (Fact f : sheet.facts()) {
      put(m, f.key(), ReportCells.machine(f.kind(), f.value(), request.zone()));
    }
    for (Table t : sheet.tables()) {
      put(m, t.key(), rows(t, request.zone()));
    }
    return m;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (m.containsKey(key)) {
      throw new IllegalStateException("report json key '" + key + "' is used twice");
    }
    m.put(key, value);
  }

  private static List<Map<String, Object>> rows(Table table, ZoneId zone) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      Map<String, Object> r = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        Column c = table.columns().get(i);
        r.put(c.key(), ReportCells.machine(c.kind(), row.get(i), zone));
      }
      rows.add(r);
    }
    return rows;
  }

  /** CSV ({@link CsvWriter}: text cells neutralised against spreadsheet formulas) of {@code table}. */
  static String csv(Table table, ZoneId zone) {
    return CaseOutput.csv(table.columns().stream().map(Column::key).toList(), rows(table, zone));
  }

  /** What a report was asked for and when. */
  public record ReportRequest(dev.salesflow.core.model.ReportQuery query, OffsetDateTime now, ZoneId zone) {}
}
