package dev.salesflow.cli.output;

import dev.salesflow.core.model.CalendarSource;
import dev.salesflow.core.model.OverdueItem;
import dev.salesflow.core.model.OverdueReport;
import dev.salesflow.core.model.SalesProcess;
import dev.salesflow.core.model.SlaClock;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code overdue} prints: the breached and soon-due clocks as text tables by owner, json or csv. */
public final class OverdueOutput {
  /** The columns of the csv and the keys of each json item, in order. */
  public static final List<String> COLUMNS =
      List.of("case", "company", "rule", "owner", "priority", "stage", "started_at", "due_at", "state", "overdue_by");

  private OverdueOutput() {}

  /**
   * The items as {@link #row} gives them, in the layout of {@link CaseOutput#json}: see {@link OverdueJson}.
   * {@code sources} has the calendar source of every year an item's {@link OverdueItem#fallbackYears} names.
   */
  public static void json(PrintWriter out, List<OverdueItem> items, ZoneId zone, Map<Integer, CalendarSource> sources) {
    OverdueJson.write(out, null, items, zone, sources);
  }

  /**
   * The items as CSV rows of {@link #row}'s values, printed without a map per row (a million-case
   * store has 160,000 of them): what {@link CaseOutput#streamCsv} prints for those maps.
   */
  public static void csv(PrintWriter out, List<OverdueItem> items, ZoneId zone) {
    CsvWriter csv = new CsvWriter(out, COLUMNS);
    for (OverdueItem item : items) {
      SlaClock clock = item.clock();
      csv.row(java.util.Arrays.asList(item.caseId(), item.company(), clock.rule(), item.owner(),
          item.priority() == null ? null : item.priority().name(), item.stage(), CaseOutput.time(clock.startedAt(), zone),
          CaseOutput.time(clock.dueAt(), zone), clock.state().label(),
          clock.overdueBy().isZero() ? null : clock.overdueBy().toString()));
    }
    csv.flush();
  }

  /**
   * One item as a json object: {@link #COLUMNS}, then {@code calendar_fallback} (as in {@code show}
   * and {@code check}) when its deadline needed a year without an official holiday schedule.
   */
  public static Map<String, Object> row(OverdueItem item, ZoneId zone, Map<Integer, CalendarSource> sources) {
    SlaClock clock = item.clock();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("case", item.caseId());
    m.put("company", item.company());
    m.put("rule", clock.rule());
    m.put("owner", item.owner());
    m.put("priority", item.priority() == null ? null : item.priority().name());
    m.put("stage", item.stage());
    m.put("started_at", CaseOutput.time(clock.startedAt(), zone));
    m.put("due_at", CaseOutput.time(clock.dueAt(), zone));
    m.put("state", clock.state().label());
    m.put("overdue_by", clock.overdueBy().isZero() ? null : clock.overdueBy().toString());
    if (!item.fallbackYears().isEmpty()) {
      m.put("calendar_fallback", CalendarOutput.fallback(item.fallbackYears(), sources));
    }
    return m;
  }

  /** The text report, printed an owner's table at a time (a million-case store has 160,000 rows). */
  public static void text(PrintWriter out, OverdueReport report, SalesProcess process, String lang, boolean quiet, ZoneId zone) {
    boolean zh = "zh".equals(lang);
    if (report.items().isEmpty()) {
      out.print(quiet ? "" : (zh ? "没有超期或即将到期的事项" : "Nothing overdue") + "\n");
      return;
    }
    Map<String, String> labels = new java.util.HashMap<>();
    String currentOwner = null;
    TextTable table = null;
    for (OverdueItem item : report.items()) {
      String itemOwner = String.valueOf(item.owner());
      if (!itemOwner.equals(currentOwner)) {
        if (table != null) {
          out.print(table.render());
          out.print('\n');
        }
        currentOwner = itemOwner;
        out.print(itemOwner);
        out.print('\n');
        table = new TextTable(zh
            ? List.of("  案例", "规则", "公司", "截止", "状态")
            : List.of("  case", "rule", "company", "due", "state"));
      }
      SlaClock clock = item.clock();
      String state = clock.state() == dev.salesflow.core.model.ClockState.BREACHED
          ? (zh ? "超期 " : "overdue ") + CaseOutput.humanDuration(clock.overdueBy(), zh ? "zh" : "en")
          : (zh ? "即将到期" : "due soon");
      table.row(List.of("  " + item.caseId(),
          labels.computeIfAbsent(clock.rule(), r -> process.ruleLabel(r, lang)) + (clock.key() == null ? "" : " (" + clock.key() + ")"),
          String.valueOf(item.company()),
          CaseOutput.shortTime(clock.dueAt(), zone),
          state));
    }
    out.print(table.render());
    long breached = report.items().stream().filter(i -> i.clock().state() == dev.salesflow.core.model.ClockState.BREACHED).count();
    out.print('\n');
    out.print(zh
        ? breached + " 项超期，" + (report.items().size() - breached) + " 项即将到期\n"
        : breached + " breached, " + (report.items().size() - breached) + " due soon\n");
  }
}
