package dev.salesflow.cli;

import dev.salesflow.core.api.Clock;
import dev.salesflow.core.api.Durations;
import dev.salesflow.core.api.InvalidRequestException;
import dev.salesflow.core.api.OverdueItem;
import dev.salesflow.core.api.OverdueQuery;
import dev.salesflow.core.api.OverdueReport;
import dev.salesflow.core.api.Priority;
import dev.salesflow.core.api.Salesflow;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "overdue", description = {
    "List breached SLA deadlines (and, with --due-within, those due soon).",
    "Exit 1 when anything is breached: made for cron."})
final class OverdueCommand implements Callable<Integer> {
  static final List<String> COLUMNS =
      List.of("case", "rule", "owner", "priority", "stage", "started_at", "due_at", "state", "overdue_by");

  @ParentCommand SalesflowCommand root;

  @Option(names = "--due-within", paramLabel = "DURATION", description = "Also report clocks due within this window, e.g. 90m, 36h, 2d.")
  String dueWithin;
  @Option(names = "--owner", paramLabel = "OWNER", description = "Only this owner's cases.") String owner;
  @Option(names = "--priority", paramLabel = "A|B|C", description = "Only cases of this priority.") String priority;
  @Option(names = "--rule", paramLabel = "RULE", description = "Only this SLA rule.") String rule;

  @Override
  public Integer call() {
    Duration window = null;
    if (dueWithin != null) {
      try {
        window = Durations.parse(dueWithin);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("--due-within: " + e.getMessage());
      }
    }
    Priority p = priority == null ? null : Priority.parse(priority).orElseThrow(
        () -> new InvalidRequestException("--priority must be A, B or C, got '" + priority + "'"));
    try (Salesflow flow = root.openExisting()) {
      ZoneId zone = flow.zone();
      OffsetDateTime now = root.now(zone);
      Format format = root.format(Format.TEXT, Format.JSON, Format.CSV);
      OverdueReport report = flow.overdue(new OverdueQuery(window, owner, p, rule), now);
      Warnings.unknownYears(root, report.unknownYears());
      var out = root.context().out();
      // written a row at a time: a million-case store can have a hundred thousand breached clocks
      switch (format) {
        case JSON -> OverdueJson.write(out, root.context().stdout(), report.items(), zone);
        case CSV -> csv(out, report.items(), zone);
        default -> text(out, report, flow, zone);
      }
      return report.anyBreached() ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }
  }

  /** The items as {@link #row} gives them, in the layout of {@link CaseOutput#json}: see {@link OverdueJson}. */
  static void json(PrintWriter out, List<OverdueItem> items, ZoneId zone) {
    OverdueJson.write(out, null, items, zone);
  }

  /**
   * The items as CSV rows of {@link #row}'s values, printed without a map per row (a million-case
   * store has 160,000 of them): what {@link CaseOutput#streamCsv} prints for those maps.
   */
  static void csv(PrintWriter out, List<OverdueItem> items, ZoneId zone) {
    try {
      org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(out,
          org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
      for (OverdueItem item : items) {
        Clock clock = item.clock();
        printer.printRecord(item.caseId(), clock.rule(), item.owner(), item.priority() == null ? null : item.priority().name(),
            item.stage(), CaseOutput.time(clock.startedAt(), zone), CaseOutput.time(clock.dueAt(), zone), clock.state().label(),
            clock.overdueBy().isZero() ? null : clock.overdueBy().toString());
      }
      printer.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, Object> row(OverdueItem item, ZoneId zone) {
    Clock clock = item.clock();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("case", item.caseId());
    m.put("rule", clock.rule());
    m.put("owner", item.owner());
    m.put("priority", item.priority() == null ? null : item.priority().name());
    m.put("stage", item.stage());
    m.put("started_at", CaseOutput.time(clock.startedAt(), zone));
    m.put("due_at", CaseOutput.time(clock.dueAt(), zone));
    m.put("state", clock.state().label());
    m.put("overdue_by", clock.overdueBy().isZero() ? null : clock.overdueBy().toString());
    return m;
  }

  /** The text report, printed an owner's table at a time (a million-case store has 160,000 rows). */
  private void text(PrintWriter out, OverdueReport report, Salesflow flow, ZoneId zone) {
    String lang = root.lang();
    boolean zh = "zh".equals(lang);
    if (report.items().isEmpty()) {
      out.print(root.quiet() ? "" : (zh ? "没有超期或即将到期的事项" : "Nothing overdue") + "\n");
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
      Clock clock = item.clock();
      String state = clock.state() == dev.salesflow.core.api.ClockState.BREACHED
          ? (zh ? "超期 " : "overdue ") + CaseOutput.humanDuration(clock.overdueBy())
          : (zh ? "即将到期" : "due soon");
      table.row(List.of("  " + item.caseId(),
          labels.computeIfAbsent(clock.rule(), r -> flow.process().ruleLabel(r, lang)) + (clock.key() == null ? "" : " (" + clock.key() + ")"),
          String.valueOf(item.company()),
          CaseOutput.shortTime(clock.dueAt(), zone),
          state));
    }
    out.print(table.render());
    long breached = report.items().stream().filter(i -> i.clock().state() == dev.salesflow.core.api.ClockState.BREACHED).count();
    out.print('\n');
    out.print(zh
        ? breached + " 项超期，" + (report.items().size() - breached) + " 项即将到期\n"
        : breached + " breached, " + (report.items().size() - breached) + " due soon\n");
  }
}
