package dev.salesflow.cli.output;

import dev.salesflow.cli.output.ReportSheet.Bar;
import dev.salesflow.cli.output.ReportSheet.Chart;
import dev.salesflow.cli.output.ReportSheet.Coded;
import dev.salesflow.cli.output.ReportSheet.Column;
import dev.salesflow.cli.output.ReportSheet.Fact;
import dev.salesflow.cli.output.ReportSheet.Kind;
import dev.salesflow.cli.output.ReportSheet.Table;
import dev.salesflow.core.model.AgingReport;
import dev.salesflow.core.model.ForecastReport;
import dev.salesflow.core.model.FunnelReport;
import dev.salesflow.core.model.OverdueItem;
import dev.salesflow.core.model.OwnersReport;
import dev.salesflow.core.model.ReportQuery;
import dev.salesflow.core.model.SalesProcess;
import dev.salesflow.core.model.SlaReport;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lays the core reports out as {@link ReportSheet}s, labelled in English or Chinese. */
public final class ReportSheets {
  private final SalesProcess process;
  private final ZoneId zone;
  private final OffsetDateTime now;
  private final boolean zh;

  public ReportSheets(SalesProcess process, ZoneId zone, OffsetDateTime now, String lang) {
    this.process = process;
    this.zone = zone;
    this.now = now;
    this.zh = "zh".equals(lang);
  }

  private String t(String en, String zhText) {
    return zh ? zhText : en;
  }

  private Coded stage(String id) {
    return new Coded(id, process.stageLabel(id, zh ? "zh" : "en"));
  }

  private Coded rule(String id) {
    return new Coded(id, process.ruleLabel(id, zh ? "zh" : "en"));
  }

  public ReportSheet funnel(FunnelReport r) {
    Table stages = new Table("stages", null, List.of(
        new Column("stage", t("Stage", "阶段"), Kind.CODE),
        new Column("reached", t("Reached", "到达"), Kind.COUNT),
        new Column("current", t("Now", "当前"), Kind.COUNT),
        new Column("lost", t("Lost", "丢单"), Kind.COUNT),
        new Column("contract_value", t("Contract value", "合同金额"), Kind.MONEY),
        new Column("conversion_pct", t("To next", "转化率"), Kind.PERCENT)),
        r.stages().stream().map(s -> row(stage(s.stage()), s.reached(), s.current(), s.lostHere(),
            s.value(), s.conversion())).toList(), null);
    Table lost = new Table("lost", t("Lost by stage and reason", "丢单阶段与原因"), List.of(
        new Column("stage", t("Stage", "阶段"), Kind.CODE),
        new Column("cases", t("Cases", "案例"), Kind.COUNT),
        new Column("reason", t("Reason", "原因"), Kind.TEXT)),
        r.lost().stream().map(l -> row(stage(l.stage()), l.cases(), l.reason())).toList(), null);
    int lostCases = r.lost().stream().mapToInt(FunnelReport.LostRow::cases).sum();
    List<Fact> facts = List.of(
        new Fact("cases", t("Cases", "案例数"), Kind.COUNT, r.cases()),
        new Fact("contract_value", t("Contract value", "合同金额"), Kind.MONEY, r.totalValue()),
        new Fact("lost_cases", t("Lost", "丢单"), Kind.COUNT, lostCases),
        new Fact("imported", t("Opened by import", "导入开启"), Kind.COUNT, r.imported()));
    Chart chart = new Chart("funnel", t("Cases that reached each stage", "各阶段到达的案例数"), Kind.COUNT,
        r.stages().stream().map(s -> new Bar(stage(s.stage()).label(), s.reached())).toList(), true);
    return new ReportSheet("funnel", t("Sales funnel", "销售漏斗"), scope(r.query(), false), facts,
        List.of(stages, lost), List.of(chart));
  }

  public ReportSheet sla(SlaReport r) {
    Table rules = new Table("rules", null, List.of(
        new Column("rule", t("Rule", "规则"), Kind.CODE),
        new Column("met", t("Met", "按时"), Kind.COUNT),
        new Column("met_late", t("Met late", "逾期完成"), t("Late", "逾期"), Kind.COUNT),
        new Column("breached", t("Breached", "超期"), Kind.COUNT),
        new Column("running", t("Running", "进行中"), Kind.COUNT),
        new Column("compliance_pct", t("Compliance", "达成率"), Kind.PERCENT),
        new Column("median_hours", t("Median", "用时中位数"), t("Median", "中位用时"), Kind.HOURS),
        new Column("p90_hours", t("90th percentile", "用时90分位"), t("P90", "90%用时"), Kind.HOURS)),
        r.rules().stream().map(x -> row(rule(x.rule()), x.met(), x.metLate(), x.breached(), x.running(),
            x.compliance(), x.median(), x.p90())).toList(), null);
    int met = r.rules().stream().mapToInt(SlaReport.RuleRow::met).sum();
    int judged = r.rules().stream().mapToInt(x -> x.met() + x.metLate() + x.breached()).sum();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("clocks", t("Clocks", "时限"), Kind.COUNT, r.rules().stream().mapToInt(SlaReport.RuleRow::clocks).sum()));
    facts.add(new Fact("compliance_pct", t("Compliance", "达成率"), Kind.PERCENT, judged == 0 ? null : met / (double) judged));
    facts.add(new Fact("breached", t("Breached", "超期"), Kind.COUNT, r.rules().stream().mapToInt(SlaReport.RuleRow::breached).sum()));
    Chart chart = new Chart("compliance", t("Compliance per rule", "各规则达成率"), Kind.PERCENT,
        r.rules().stream().map(x -> new Bar(rule(x.rule()).label(), x.compliance())).toList(), false);
    return new ReportSheet("sla", t("SLA compliance", "SLA 达成情况"), scope(r.query(), true), facts, List.of(rules), List.of(chart));
  }

  /**
   * {@code sla} with a table of the breached clocks (case, rule, owner, company, due, overdue by), in
   * the order {@code overdue} gives them; {@code sla} itself when none is breached.
   */
  public ReportSheet withBreached(ReportSheet sla, List<OverdueItem> breached) {
    if (breached.isEmpty()) {
      return sla;
    }
    Table table = new Table("breached", t("Breached deadlines", "超期事项"), List.of(
        new Column("case", t("Case", "编号"), Kind.TEXT),
        new Column("rule", t("Rule", "规则"), Kind.CODE),
        new Column("owner", t("Owner", "负责人"), Kind.TEXT),
        new Column("company", t("Company", "公司"), Kind.TEXT, ReportSheet.TextFit.TRUNCATE),
        new Column("due_at", t("Due", "截止"), Kind.TIME),
        new Column("overdue_by", t("Overdue by", "超期"), Kind.HOURS)),
        breached.stream().map(i -> row(i.caseId(), rule(i.clock().rule()), i.owner() == null ? "-" : i.owner(), i.company(),
            i.clock().dueAt().atZone(zone).toOffsetDateTime(), i.clock().overdueBy())).toList(), null);
    List<Table> tables = new ArrayList<>(sla.tables());
    tables.add(table);
    return new ReportSheet(sla.kind(), sla.title(), sla.scope(), sla.facts(), tables, sla.charts());
  }

  public ReportSheet aging(AgingReport r) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("stage", t("Stage", "阶段"), Kind.CODE));
    for (AgingReport.Bucket b : r.buckets()) {
      long from = b.from().toDays();
      if (b.to() == null) {
        columns.add(new Column("days_" + from + "_plus", "≥" + from + t("d", "天"), Kind.COUNT));
      } else if (from == 0) {
        columns.add(new Column("days_0_" + b.to().toDays(), "<" + b.to().toDays() + t("d", "天"), Kind.COUNT));
      } else {
        columns.add(new Column("days_" + from + "_" + b.to().toDays(), from + "–" + b.to().toDays() + t("d", "天"), Kind.COUNT));
      }
    }
    columns.add(new Column("total", t("Total", "合计"), Kind.COUNT));
    List<List<Object>> rows = new ArrayList<>();
    for (AgingReport.StageRow s : r.stages()) {
      List<Object> row = new ArrayList<>();
      row.add(stage(s.stage()));
      row.addAll(s.perBucket());
      row.add(s.total());
      rows.add(row);
    }
    Table stages = new Table("stages", null, columns, rows, null);
    Table oldest = new Table("oldest", t("Longest in their stage", "停留最久的案例"), List.of(
        new Column("case", t("Case", "编号"), Kind.TEXT),
        new Column("stage", t("Stage", "阶段"), Kind.CODE),
        new Column("since", t("Since", "进入时间"), Kind.TIME, ReportSheet.TextFit.HIDE),
        new Column("days_in_stage", t("In stage", "停留"), Kind.DAYS),
        new Column("owner", t("Owner", "负责人"), Kind.TEXT),
        new Column("company", t("Company", "公司"), Kind.TEXT, ReportSheet.TextFit.TRUNCATE)),
        r.oldest().stream().map(a -> row(a.id(), stage(a.stage()), a.since(), a.age(),
            a.owner(), a.company())).toList(), null);
    int open = r.stages().stream().mapToInt(AgingReport.StageRow::total).sum();
    Chart chart = new Chart("open", t("Open cases per stage", "各阶段在办案例"), Kind.COUNT,
        r.stages().stream().map(s -> new Bar(stage(s.stage()).label(), s.total())).toList(), false);
    return new ReportSheet("aging", t("Time in stage", "阶段停留时长"), scope(r.query(), false),
        List.of(new Fact("open", t("Open cases", "在办案例"), Kind.COUNT, open)), List.of(stages, oldest), List.of(chart));
  }

  public ReportSheet owners(OwnersReport r) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("owner", t("Owner", "负责人"), Kind.TEXT));
    List<String> legend = new ArrayList<>();
    for (int i = 0; i < r.stages().size(); i++) {
      String label = stage(r.stages().get(i)).label();
      columns.add(new Column(r.stages().get(i), label, String.valueOf(i + 1), Kind.COUNT));
      legend.add((i + 1) + " " + label);
    }
    columns.add(new Column("open", t("Open", "在办"), Kind.COUNT));
    columns.add(new Column("breached", t("Breached", "已超期"), Kind.COUNT));
    columns.add(new Column("due_soon", t("Due soon", "即将到期"), Kind.COUNT));
    columns.add(new Column("won", t("Won", "赢单"), Kind.COUNT));
    columns.add(new Column("won_value", t("Won value", "赢单金额"), Kind.MONEY));
    columns.add(new Column("win_rate_pct", t("Win rate", "赢单率"), Kind.PERCENT));
    List<List<Object>> rows = new ArrayList<>();
    for (OwnersReport.OwnerRow o : r.owners()) {
      List<Object> row = new ArrayList<>();
      row.add(o.owner() == null ? "-" : o.owner());
      row.addAll(o.openByStage());
      row.add(o.open());
      row.add(o.breached());
      row.add(o.dueSoon());
      row.add(o.won());
      row.add(o.wonValue());
      row.add(o.winRate());
      rows.add(row);
    }
    Table owners = new Table("owners", null, columns, rows, t("Stages: ", "阶段：") + String.join(" · ", legend));
    int won = r.owners().stream().mapToInt(OwnersReport.OwnerRow::won).sum();
    int lost = r.owners().stream().mapToInt(OwnersReport.OwnerRow::lost).sum();
    List<Fact> facts = List.of(
        new Fact("open", t("Open cases", "在办案例"), Kind.COUNT, r.owners().stream().mapToInt(OwnersReport.OwnerRow::open).sum()),
        new Fact("breached", t("Breached", "已超期"), Kind.COUNT, r.owners().stream().mapToInt(OwnersReport.OwnerRow::breached).sum()),
        new Fact("due_soon", t("Due soon", "即将到期"), Kind.COUNT, r.owners().stream().mapToInt(OwnersReport.OwnerRow::dueSoon).sum()),
        new Fact("won", t("Won", "赢单"), Kind.COUNT, won),
        new Fact("won_value", t("Won value", "赢单金额"), Kind.MONEY,
            r.owners().stream().map(OwnersReport.OwnerRow::wonValue).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)),
        new Fact("win_rate_pct", t("Win rate", "赢单率"), Kind.PERCENT, won + lost == 0 ? null : won / (double) (won + lost)));
    Chart chart = new Chart("open", t("Open cases per owner", "各负责人在办案例"), Kind.COUNT,
        r.owners().stream().map(o -> new Bar(o.owner() == null ? "-" : o.owner(), o.open())).toList(), false);
    return new ReportSheet("owners", t("Owners", "负责人概览"), scope(r.query(), false), facts, List.of(owners), List.of(chart));
  }

  /** The forecast per open stage (with a total row), then per owner. */
  public ReportSheet forecast(ForecastReport r) {
    return forecast(r, false);
  }

  /**
   * The forecast; {@code byOwner}: only the table per owner (the json's {@code owners}, no {@code
   * stages}) and a chart of each owner's expected value, else per stage then per owner.
   */
  public ReportSheet forecast(ForecastReport r, boolean byOwner) {
    List<Column> columns = List.of(
        new Column("stage", t("Stage", "阶段"), Kind.CODE),
        new Column("open", t("Open", "在办"), Kind.COUNT),
        new Column("valued", t("With value", "有金额"), Kind.COUNT),
        new Column("pipeline", t("Pipeline", "管道金额"), Kind.MONEY),
        new Column("probability_pct", t("Probability", "赢单概率"), t("Prob.", "概率"), Kind.PERCENT),
        new Column("expected", t("Expected", "预期金额"), Kind.MONEY));
    List<List<Object>> rows = new ArrayList<>();
    for (ForecastReport.StageRow s : r.stages()) {
      rows.add(row(stage(s.stage()), s.open(), s.valued(), s.pipeline(), ratio(s.probability()), s.expected()));
    }
    rows.add(row(new Coded("total", t("Total", "合计")), r.open(), r.valued(), r.pipeline(), null, r.expected()));
    Table stages = new Table("stages", null, columns, rows, null);
    Table owners = new Table("owners", byOwner ? null : t("Per owner", "按负责人"), List.of(
        new Column("owner", t("Owner", "负责人"), Kind.TEXT),
        new Column("open", t("Open", "在办"), Kind.COUNT),
        new Column("valued", t("With value", "有金额"), Kind.COUNT),
        new Column("pipeline", t("Pipeline", "管道金额"), Kind.MONEY),
        new Column("expected", t("Expected", "预期金额"), Kind.MONEY)),
        r.owners().stream().map(o -> row(o.owner() == null ? "-" : o.owner(), o.open(), o.valued(), o.pipeline(),
            o.expected())).toList(), null);
    List<Fact> facts = List.of(
        new Fact("open", t("Open deals", "在办商机"), Kind.COUNT, r.open()),
        new Fact("valued", t("With a value", "有金额"), Kind.COUNT, r.valued()),
        new Fact("pipeline", t("Pipeline", "管道金额"), Kind.MONEY, r.pipeline()),
        new Fact("expected", t("Expected value", "预期金额"), Kind.MONEY, r.expected()));
    if (byOwner) {
      Chart perOwner = new Chart("expected", t("Expected value per owner", "各负责人预期金额"), Kind.MONEY,
          r.owners().stream().map(o -> new Bar(o.owner() == null ? "-" : o.owner(), o.expected())).toList(), false);
      return new ReportSheet("forecast", t("Forecast by owner", "销售预测（按负责人）"), scope(r.query(), false), facts,
          List.of(owners), List.of(perOwner));
    }
    Chart chart = new Chart("expected", t("Expected value per stage", "各阶段预期金额"), Kind.MONEY,
        r.stages().stream().map(s -> new Bar(stage(s.stage()).label(), s.expected())).toList(), false);
    return new ReportSheet("forecast", t("Forecast", "销售预测"), scope(r.query(), false), facts,
        List.of(stages, owners), List.of(chart));
  }

  /** A percentage 0 to 100 as the ratio a PERCENT cell holds; null for null. */
  private static Double ratio(java.math.BigDecimal percent) {
    return percent == null ? null : percent.doubleValue() / 100;
  }

  /** "Cases registered 2026-10-01 – 2026-10-31 · owner li.na · as of 2026-11-26 18:00". */
  private String scope(ReportQuery q, boolean clocks) {
    List<String> parts = new ArrayList<>();
    boolean ended = q.period() == ReportQuery.Period.ENDED;
    boolean reached = q.period() == ReportQuery.Period.REACHED;
    clocks = clocks && !ended && !reached;
    String what = ended ? t("Cases won or lost", "赢单或丢单于")
        : reached ? t("Cases that reached " + q.stage(), "到达 " + q.stage() + " 于")
        : clocks ? t("Clocks started", "开始于") : t("Cases registered", "登记于");
    if (ended && q.from() == null && q.to() == null) {
      parts.add(t("Cases won or lost", "已赢单或丢单的案例"));
    } else if (reached && q.from() == null && q.to() == null) {
      parts.add(t("Cases that reached " + q.stage(), "已到达 " + q.stage() + " 的案例"));
    } else if (q.from() != null && q.to() != null) {
      parts.add(zh ? what + " " + q.from() + " 至 " + q.to() + (clocks ? " 的时限" : " 的案例") : what + " " + q.from() + " – " + q.to());
    } else if (q.from() != null) {
      parts.add(zh ? what + " " + q.from() + " 及以后" + (clocks ? "的时限" : "的案例") : what + " from " + q.from());
    } else if (q.to() != null) {
      parts.add(zh ? what + " " + q.to() + " 及以前" + (clocks ? "的时限" : "的案例") : what + " up to " + q.to());
    } else {
      parts.add(clocks ? t("All clocks", "全部时限") : t("All cases", "全部案例"));
    }
    if (q.owner() != null) {
      parts.add(t("owner ", "负责人 ") + q.owner());
    }
    parts.add(t("as of ", "截至 ") + CaseOutput.shortTime(now, zone));
    return String.join(" · ", parts);
  }

  /** A row; unlike List.of it holds the nulls of missing values. */
  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }
}
