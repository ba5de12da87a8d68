package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.ReportMachine;
import dev.salesflow.cli.output.ReportOutput;
import dev.salesflow.cli.output.ReportSheet;
import dev.salesflow.cli.output.ReportSheets;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.ClockState;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
import dev.salesflow.core.model.OverdueItem;
import dev.salesflow.core.model.OverdueQuery;
import dev.salesflow.core.model.ReportQuery;
import dev.salesflow.core.model.Reporting;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "report", description = {
    "Pipeline reports: funnel, sla, aging, owners, forecast (or all); text, json, csv, md or html.",
    "  funnel  cases and contract value per stage, conversion, lost by stage, reason",
    "  sla     per rule: clocks met, late, breached, running; compliance; median, p90",
    "  aging   time in the current stage, bucketed per stage; the oldest cases",
    "  owners  per owner: open cases by stage; breached and due-soon clocks",
    "  forecast  expected value of open deals per stage and owner (or --by owner)",
    "  all     the five together (one page with --format html)",
    "--from/--to select cases by registration date (for sla: clocks by the date they started), both inclusive,"
        + " in the workspace time zone; with --period-of ended, the cases won or lost in the period; with --period-of"
        + " reached:STAGE, the cases that first entered STAGE in it. csv prints one table (--table); html is one self-contained page."})
final class ReportCommand implements Callable<Integer>, Formatted {
  enum Kind { FUNNEL, SLA, AGING, OWNERS, FORECAST, ALL }

  /** What the rows of {@code report forecast} are. */
  enum By { STAGE, OWNER }

  @ParentCommand SalesflowCommand root;

  @Parameters(index = "0", paramLabel = "REPORT", description = "funnel, sla, aging, owners, forecast or all.") Kind kind;
  @Option(names = "--from", paramLabel = "DATE", description = "First day covered, e.g. 2026-10-01.") String from;
  @Option(names = "--to", paramLabel = "DATE", description = "Last day covered.") String to;
  @Option(names = "--owner", paramLabel = "OWNER", description = "Only this owner's cases.") String owner;
  @Option(names = "--period-of", paramLabel = "registration|ended|reached:STAGE", description = "Which day --from/--to"
      + " are of: registration (default; sla: each clock's start); ended: the day a case was won or lost; reached:STAGE:"
      + " the day a case first entered STAGE (e.g. reached:negotiation). With ended or reached only those cases count,"
      + " in every report.") String periodOf;
  @Option(names = "--allow-unknown", description = "Accept an owner no case has (else a usage error: a typo would print nothing).")
  boolean allowUnknown;
  @Option(names = "--table", paramLabel = "NAME", description = "Only this table (csv: default the first): funnel"
      + " stages|lost, sla rules, aging stages|oldest, owners owners, forecast stages|owners.") String table;
  @Option(names = "--by", paramLabel = "stage|owner", description = "forecast: rows per stage (default; then a table"
      + " per owner) or per owner only (owner, open, with value, pipeline, expected), in every format.") By by;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV, Format.MD, Format.HTML);
  }

  @Override
  public Integer call() {
    Format format = root.format(formats());
    if (by != null && kind != Kind.FORECAST) {
      throw new InvalidRequestException(Message.of(MessageKey.BY_ONLY_FORECAST, by.name().toLowerCase(java.util.Locale.ROOT)));
    }
    try (Salesflow flow = root.openExisting()) {
      ReportQuery query = query(flow.process().allStageIds());
      if (!allowUnknown) {
        flow.requireKnownFilter(null, owner);
      }
      ZoneId zone = flow.zone();
      OffsetDateTime now = root.now(zone);
      String lang = root.lang();
      Reporting reports = flow.reports(now);
      ReportSheets sheets = new ReportSheets(flow.process(), zone, now, lang);
      List<ReportSheet> out = new ArrayList<>();
      if (kind == Kind.FUNNEL || kind == Kind.ALL) {
        out.add(sheets.funnel(reports.funnel(query)));
      }
      SortedSet<Integer> unknownYears = new TreeSet<>();
      if (kind == Kind.SLA || kind == Kind.ALL) {
        var sla = reports.sla(query);
        unknownYears.addAll(sla.unknownYears());
        ReportSheet sheet = sheets.sla(sla);
        // the page a manager opens lists who is late on what; scripts have overdue for that
        out.add(format == Format.HTML ? sheets.withBreached(sheet, breached(flow, query, now)) : sheet);
      }
      if (kind == Kind.AGING || kind == Kind.ALL) {
        out.add(sheets.aging(reports.aging(query)));
      }
      if (kind == Kind.OWNERS || kind == Kind.ALL) {
        var owners = reports.owners(query);
        unknownYears.addAll(owners.unknownYears());
        out.add(sheets.owners(owners));
      }
      if (kind == Kind.FORECAST || kind == Kind.ALL) {
        out.add(sheets.forecast(reports.forecast(query), by == By.OWNER));
      }
      Warnings.unknownYears(root, Warnings.sources(flow, unknownYears));
      root.context().out().print(ReportOutput.render(out, format, table,
          new ReportMachine.ReportRequest(query, now, zone), lang));
      return ExitCode.OK.code();
    }
  }

  /**
   * The breached clocks of the query's owner whose clock started in its period, as the sla report
   * counts them; none for {@link ReportQuery.Period#ENDED}: a case won or lost has no running clock.
   */
  private static List<OverdueItem> breached(Salesflow flow, ReportQuery query, OffsetDateTime now) {
    List<OverdueItem> breached = new ArrayList<>();
    if (query.period() == ReportQuery.Period.ENDED) {
      return breached;
    }
    boolean reached = query.period() == ReportQuery.Period.REACHED; // then every clock of the cases covered
    for (OverdueItem item : flow.overdue(new OverdueQuery(null, query.owner(), null, null), now).items()) {
      if (item.clock().state() == ClockState.BREACHED && (reached
          ? flow.inPeriod(query, flow.show(item.caseId()))
          : query.covers(item.clock().startedAt().atZone(flow.zone()).toOffsetDateTime(), flow.zone()))) {
        breached.add(item);
      }
    }
    return breached;
  }

  /** The query of the options; {@code stages} are those {@code --period-of reached:} may name. */
  private ReportQuery query(List<String> stages) {
    LocalDate first = date("--from", from);
    LocalDate last = date("--to", to);
    String text = periodOf == null ? "registration" : periodOf.strip();
    if (text.equals("registration") || text.equals("ended")) {
      return new ReportQuery(first, last, owner, text.equals("ended") ? ReportQuery.Period.ENDED : ReportQuery.Period.REGISTRATION);
    }
    if (text.startsWith("reached:")) {
      String stage = text.substring("reached:".length()).strip();
      if (!stages.contains(stage)) {
        throw new InvalidRequestException("--period-of reached: unknown stage '" + stage + "'; the stages are "
            + String.join(", ", stages));
      }
      return ReportQuery.reached(first, last, owner, stage);
    }
    throw new InvalidRequestException("--period-of must be registration, ended or reached:STAGE, got '" + periodOf + "'");
  }

  private static LocalDate date(String option, String text) {
    try {
      return text == null ? null : LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(option + ": '" + text + "' is not a date such as 2026-11-01");
    }
  }
}
