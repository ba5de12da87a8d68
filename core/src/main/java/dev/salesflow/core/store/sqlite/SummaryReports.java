package dev.salesflow.core.store.sqlite;

import dev.salesflow.core.model.AgingReport;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.ForecastReport;
import dev.salesflow.core.report.ForecastTally;
import dev.salesflow.core.model.FunnelReport;
import dev.salesflow.core.model.OwnersReport;
import dev.salesflow.core.model.ReportQuery;
import dev.salesflow.core.model.Reporting;
import dev.salesflow.core.model.SlaReport;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.report.ReportPlan;
import dev.salesflow.core.report.Reports;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pipeline reports over every case (no period; of one owner or all) from the counts
 * {@link ReportSummaries} keeps, so their cost grows with the number of owners, stages and rules
 * rather than of cases: the same numbers as {@link SqlReports}, which answers a report over a
 * period (and the aging report of one owner). What depends on the instant is read from indexes:
 * the running clocks not yet due (a range of {@code report_clocks_running}), aging's buckets (range
 * counts of {@code cases_by_stage_entered}) and its oldest cases (the first rows of each open stage).
 */
final class SummaryReports implements Reporting {
  private final SqlReports rows;
  private final Object lock;
  private final Connection db;
  private final Path file;
  private final ReportPlan plan;
  private final KeptColumns kept;
  /** The instant in whole seconds: rounded down, and up (a clock due before {@code ceil} is past due). */
  private final long floor;
  private final long ceil;

  SummaryReports(Object lock, Connection db, Path file, ReportPlan plan, OffsetDateTime now) {
    this.rows = new SqlReports(lock, db, file, plan, now);
    this.lock = lock;
    this.db = db;
    this.file = file;
    this.plan = plan;
    this.kept = new KeptColumns(db, file, plan.zone());
    this.floor = now.toEpochSecond();
    this.ceil = floor + (now.getNano() > 0 ? 1 : 0);
  }

  /** Whether {@code q} covers every case (no period), which the summaries count. */
  private static boolean whole(ReportQuery q) {
    return q.from() == null && q.to() == null && q.period() == ReportQuery.Period.REGISTRATION;
  }

  private interface Rows {
    void row(ResultSet rs) throws SQLException;
  }

  /** Runs {@code sql}, with {@code " AND owner = ?"} in place of {@code OWNER} when {@code q} has an owner. */
  private void query(String sql, ReportQuery q, Rows rows) {
    String owner = q.owner() == null ? "" : " AND owner = ?";
    synchronized (lock) {
      try (PreparedStatement p = db.prepareStatement(sql.replace("OWNER", owner))) {
        if (q.owner() != null) {
          p.setString(1, q.owner());
        }
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            rows.row(rs);
          }
        }
      } catch (SQLException e) {
        throw new StoreException("cannot query reports in " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private String openStages() {
    return "stage IN (" + String.join(", ", plan.open().stream().map(SummaryReports::literal).toList()) + ")";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Override
  public FunnelReport funnel(ReportQuery q) {
    if (!whole(q)) {
      return rows.funnel(q);
    }
    List<String> stages = new ArrayList<>(plan.open());
    stages.add(plan.closed());
    StringBuilder reachedSums = new StringBuilder();
    for (String s : stages) {
      reachedSums.append(", sum(n * ((reached & ").append(plan.bit(s)).append(") != 0))");
    }
    Map<String, Integer> reached = new HashMap<>();
    Map<String, Integer> current = new HashMap<>();
    int[] cases = {0};
    query("SELECT stage, sum(n)" + reachedSums + " FROM report_counts WHERE 1 OWNER GROUP BY stage", q, rs -> {
      current.put(rs.getString(1), rs.getInt(2));
      cases[0] += rs.getInt(2);
      for (int i = 0; i < stages.size(); i++) {
        reached.merge(stages.get(i), rs.getInt(3 + i), Integer::sum);
      }
    });
    Map<String, BigDecimal> value = new HashMap<>();
    query("SELECT stage, contract_value, sum(n) FROM report_values WHERE 1 OWNER GROUP BY stage, contract_value", q,
        rs -> value.merge(rs.getString(1), kept.amountTimes("contract_value", rs.getString(2), rs.getLong(3)),
            BigDecimal::add));
    Map<String, Integer> lostFrom = new HashMap<>();
    Map<String, Map<String, Integer>> reasons = new HashMap<>();
    query("SELECT lost_from, lost_reason, sum(n) FROM report_counts WHERE stage = " + literal(plan.lost())
        + " OWNER GROUP BY lost_from, lost_reason", q, rs -> {
          lostFrom.merge(rs.getString(1), rs.getInt(3), Integer::sum);
          reasons.computeIfAbsent(rs.getString(1), k -> new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder())))
              .merge(rs.getString(2), rs.getInt(3), Integer::sum);
        });
    int[] imported = {0};
    query("SELECT count(*) FROM events e INDEXED BY events_opened JOIN cases ON cases.id = e.case_id"
        + " WHERE e.seq = 0 AND e.type = " + literal(Event.OPENED) + " OWNER", q, rs -> imported[0] = rs.getInt(1));
    return Reports.funnel(q, cases[0], stages, reached, current, lostFrom, value, reasons, imported[0]);
  }

  @Override
  public SlaReport sla(ReportQuery q) {
    if (!whole(q)) {
      return rows.sla(q);
    }
    // met, met late, breached, running: final states counted, then the running clocks (no final
    // state) split at the instant into past due (breached) and not yet due (running)
    Map<String, int[]> counts = new HashMap<>();
    query("SELECT rule, sum(n * (state = 'MET')), sum(n * (state = 'MET_LATE')), sum(n * (state = 'BREACHED')),"
        + " sum(n * (state IN ('OPEN', 'DUE_SOON'))), sum(n * (state IS NULL)) FROM report_clock_counts WHERE 1 OWNER"
        + " GROUP BY rule", q, rs -> counts.put(rs.getString(1),
            new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4) + rs.getInt(6), rs.getInt(5)}));
    query("SELECT rule, count(*) FROM report_clocks INDEXED BY report_clocks_running WHERE state IS NULL AND due_unix >= "
        + ceil + " OWNER GROUP BY rule", q, rs -> {
          int[] c = counts.get(rs.getString(1));
          c[2] -= rs.getInt(2);
          c[3] += rs.getInt(2);
        });
    List<SlaReport.RuleRow> ruleRows = new ArrayList<>();
    for (String rule : plan.rules()) {
      int[] c = counts.getOrDefault(rule, new int[4]);
      int judged = c[0] + c[1] + c[2];
      int stopped = c[0] + c[1];
      ruleRows.add(new SlaReport.RuleRow(rule, c[0], c[1], c[2], c[3], judged == 0 ? null : c[0] / (double) judged,
          rows.toStop(q, rule, stopped, 50), rows.toStop(q, rule, stopped, 90)));
    }
    return new SlaReport(q, ruleRows, unknownYears(q, ""));
  }

  /** The unknown calendar years of the cases of {@code q} meeting {@code condition} (empty, or {@code " AND ..."}). */
  private SortedSet<Integer> unknownYears(ReportQuery q, String condition) {
    SortedSet<Integer> years = new TreeSet<>();
    query("SELECT DISTINCT unknown_years FROM report_counts WHERE unknown_years IS NOT NULL" + condition + " OWNER", q,
        rs -> years.addAll(kept.years(rs.getString(1))));
    return years;
  }

  @Override
  public AgingReport aging(ReportQuery q) {
    if (!whole(q) || q.owner() != null) {
      return rows.aging(q);
    }
    List<AgingReport.Bucket> buckets = Reports.agingBuckets();
    // cases of age at least t (floor - entered_unix >= t) for each bound t > 0 of a bucket; at least 0: all of the stage
    List<Long> bounds = new ArrayList<>();
    for (AgingReport.Bucket b : buckets) {
      for (java.time.Duration d : Arrays.asList(b.from(), b.to())) {
        if (d != null && d.toSeconds() > 0 && !bounds.contains(d.toSeconds())) {
          bounds.add(d.toSeconds());
        }
      }
    }
    Map<String, Map<Long, Integer>> atLeast = new HashMap<>();
    query("SELECT stage, sum(n) FROM report_counts WHERE " + openStages() + " GROUP BY stage", ReportQuery.ALL,
        rs -> atLeast.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(0L, rs.getInt(2)));
    if (!bounds.isEmpty()) {
      long smallest = Collections.min(bounds);
      StringBuilder sums = new StringBuilder();
      for (long t : bounds) {
        sums.append(", sum(entered_unix <= ").append(floor - t).append(')');
      }
      query("SELECT stage" + sums + " FROM cases INDEXED BY cases_by_stage_entered WHERE " + openStages()
          + " AND entered_unix <= " + (floor - smallest) + " GROUP BY stage", ReportQuery.ALL, rs -> {
            for (int i = 0; i < bounds.size(); i++) {
              atLeast.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(bounds.get(i), rs.getInt(2 + i));
            }
          });
    }
    List<AgingReport.StageRow> stageRows = new ArrayList<>();
    for (String stage : plan.open()) {
      Map<Long, Integer> of = atLeast.getOrDefault(stage, Map.of());
      List<Integer> counts = new ArrayList<>();
      for (AgingReport.Bucket b : buckets) {
        counts.add(of.getOrDefault(b.from().toSeconds(), 0) - (b.to() == null ? 0 : of.getOrDefault(b.to().toSeconds(), 0)));
      }
      stageRows.add(new AgingReport.StageRow(stage, counts));
    }
    // the longest waiting: the first of each open stage by entry time, merged; those of age 0 tie
    // with the cases of no known entry time, which only the query over every open case orders
    record Entry(long entered, AgingReport.CaseAge age) {}
    List<Entry> first = new ArrayList<>();
    for (String stage : plan.open()) {
      query("SELECT id, stage, entered_at, owner, company, entered_unix FROM cases INDEXED BY cases_by_stage_entered"
          + " WHERE stage = " + literal(stage) + " AND entered_unix < " + floor + " ORDER BY entered_unix, id LIMIT "
          + Reports.OLDEST, ReportQuery.ALL, rs -> first.add(new Entry(rs.getLong(6), rows.caseAge(rs))));
    }
    if (first.size() < Reports.OLDEST) {
      return rows.aging(q);
    }
    first.sort(Comparator.comparingLong(Entry::entered).thenComparing(e -> e.age().id()));
    List<AgingReport.CaseAge> oldest = first.subList(0, Reports.OLDEST).stream().map(Entry::age).toList();
    return new AgingReport(q, buckets, stageRows, oldest);
  }

  @Override
  public OwnersReport owners(ReportQuery q) {
    if (!whole(q)) {
      return rows.owners(q);
    }
    Map<String, int[]> open = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    query("SELECT owner, stage, sum(n) FROM report_counts WHERE 1 OWNER GROUP BY owner, stage", q, rs -> {
      int[] perStage = open.computeIfAbsent(rs.getString(1), k -> new int[plan.open().size()]);
      int stage = plan.open().indexOf(rs.getString(2));
      if (stage >= 0) {
        perStage[stage] += rs.getInt(3);
      }
    });
    // running clocks (no final state): past due are all less those not yet due; due soon are of those
    Map<String, int[]> alerts = new HashMap<>();
    query("SELECT owner, sum(n) FROM report_clock_counts WHERE state IS NULL OWNER GROUP BY owner", q,
        rs -> alerts.put(rs.getString(1), new int[] {rs.getInt(2), 0}));
    query("SELECT owner, count(*), sum(warn_unix <= " + floor + ") FROM report_clocks INDEXED BY report_clocks_running"
        + " WHERE state IS NULL AND due_unix >= " + ceil + " OWNER GROUP BY owner", q, rs -> {
          int[] due = alerts.get(rs.getString(1));
          due[0] -= rs.getInt(2);
          due[1] = rs.getInt(3);
        });
    // won and lost per owner from the stage counts, the won value from the kept contract values
    Map<String, int[]> decided = new HashMap<>();
    query("SELECT owner, stage, sum(n) FROM report_counts WHERE stage IN (" + literal(plan.closed()) + ", "
        + literal(plan.lost()) + ") OWNER GROUP BY owner, stage", q,
        rs -> decided.computeIfAbsent(rs.getString(1), k -> new int[2])[plan.closed().equals(rs.getString(2)) ? 0 : 1]
            += rs.getInt(3));
    Map<String, BigDecimal> wonValue = new HashMap<>();
    query("SELECT owner, contract_value, sum(n) FROM report_values WHERE stage = " + literal(plan.closed())
        + " AND contract_value IS NOT NULL OWNER GROUP BY owner, contract_value", q,
        rs -> wonValue.merge(rs.getString(1), kept.amountTimes("contract_value", rs.getString(2), rs.getLong(3)),
            BigDecimal::add));
    List<OwnersReport.OwnerRow> ownerRows = new ArrayList<>();
    open.forEach((owner, perStage) -> {
      int[] due = alerts.getOrDefault(owner, new int[2]);
      int[] wonLost = decided.getOrDefault(owner, new int[2]);
      ownerRows.add(new OwnersReport.OwnerRow(owner, Arrays.stream(perStage).boxed().toList(), due[0], due[1],
          wonLost[0], wonValue.getOrDefault(owner, BigDecimal.ZERO), wonLost[1]));
    });
    return new OwnersReport(q, plan.open(), ownerRows, unknownYears(q, " AND " + openStages()));
  }

  @Override
  public ForecastReport forecast(ReportQuery q) {
    if (!whole(q)) {
      return rows.forecast(q);
    }
    ForecastTally tally = new ForecastTally(plan);
    query("SELECT owner, stage, deal_value, sum(n) FROM report_deal_values WHERE " + openStages()
        + " OWNER GROUP BY owner, stage, deal_value", q, rs -> tally.add(rs.getString(1), rs.getString(2),
            kept.dealValue(rs.getString(3)), rs.getInt(4)));
    return tally.report(q);
  }
}
