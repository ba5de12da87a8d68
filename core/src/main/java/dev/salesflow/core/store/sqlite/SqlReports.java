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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pipeline reports as SQL aggregates over the facts columns of {@code cases} and the table
 * {@code report_clocks}: the numbers {@link Reports} gets by replaying every case. Only the state
 * of a clock still running on an open case depends on the instant; it is judged here from its due
 * and warning times.
 */
final class SqlReports implements Reporting {
  private final Object lock;
  private final Connection db;
  private final Path file;
  private final ReportPlan plan;
  private final KeptColumns kept;
  private final OffsetDateTime now;
  /** The instant in whole seconds: rounded down, and up (a clock due before {@code ceil} is past due). */
  private final long floor;
  private final long ceil;

  SqlReports(Object lock, Connection db, Path file, ReportPlan plan, OffsetDateTime now) {
    this.lock = lock;
    this.db = db;
    this.file = file;
    this.plan = plan;
    this.kept = new KeptColumns(db, file, plan.zone());
    this.now = now;
    this.floor = now.toEpochSecond();
    this.ceil = floor + (now.getNano() > 0 ? 1 : 0);
  }

  /** A WHERE clause being built with its parameters. */
  private final class Where {
    private final StringBuilder sql = new StringBuilder(" WHERE 1");
    private final List<Object> params = new ArrayList<>();

    /** Cases (or clocks) whose {@code column}, in unix seconds, falls on a day of the query's period; of its owner. */
    Where covered(ReportQuery q, String column) {
      if (q.from() != null || q.to() != null) {
        sql.append(" AND ").append(column).append(" IS NOT NULL");
      }
      if (q.from() != null) {
        sql.append(" AND ").append(column).append(" >= ?");
        params.add(q.from().atStartOfDay(plan.zone()).toEpochSecond());
      }
      if (q.to() != null) {
        sql.append(" AND ").append(column).append(" < ?");
        params.add(q.to().plusDays(1).atStartOfDay(plan.zone()).toEpochSecond());
      }
      return owner(q);
    }

    /** Cases of the query's owner registered in its period, or for {@link ReportQuery.Period#ENDED} won or lost in it. */
    Where cases(ReportQuery q) {
      reachedIsReplayed(q);
      return q.period() == ReportQuery.Period.ENDED ? ended(q, false) : covered(q, "registered_unix");
    }

    /**
     * Rows of {@code report_clocks} whose {@code column} falls in the query's period, or for {@link
     * ReportQuery.Period#ENDED} every clock of the cases won or lost in it.
     */
    Where clocks(ReportQuery q, String column) {
      reachedIsReplayed(q);
      return q.period() == ReportQuery.Period.ENDED ? ended(q, true) : covered(q, column);
    }

    /** Cases (or, {@code ofCase}, the clocks of cases) that ended, on a day of the query's period when it has one. */
    private Where ended(ReportQuery q, boolean ofCase) {
      sql.append(ofCase ? " AND case_id IN (SELECT id FROM cases WHERE stage IN (?, ?)" : " AND stage IN (?, ?)");
      params.add(plan.closed());
      params.add(plan.lost());
      covered(new ReportQuery(q.from(), q.to(), null), "entered_unix");
      if (ofCase) {
        sql.append(")");
      }
      return owner(q);
    }

    /** The facts kept have no time of each stage's first entry: {@link dev.salesflow.core.report.KeptOrReplayed} replays those. */
    private void reachedIsReplayed(ReportQuery q) {
      if (q.period() == ReportQuery.Period.REACHED) {
        throw new IllegalStateException("a period of reaching a stage is answered by replaying the cases");
      }
    }

    Where owner(ReportQuery q) {
      if (q.owner() != null) {
        sql.append(" AND owner = ?");
        params.add(q.owner());
      }
      return this;
    }

    Where and(String condition, Object... values) {
      sql.append(" AND ").append(condition);
      params.addAll(Arrays.asList(values));
      return this;
    }

    String open() {
      return "stage IN (" + String.join(", ", plan.open().stream().map(s -> "'" + s.replace("'", "''") + "'").toList()) + ")";
    }
  }

  private interface Rows {
    void row(ResultSet rs) throws SQLException;
  }

  /** Runs {@code select} with the clause {@code where} and gives every row to {@code rows}. */
  private void query(String select, Where where, String tail, Rows rows) {
    synchronized (lock) {
      try (PreparedStatement p = db.prepareStatement(select + where.sql + tail)) {
        for (int i = 0; i < where.params.size(); i++) {
          p.setObject(i + 1, where.params.get(i));
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

  @Override
  public FunnelReport funnel(ReportQuery q) {
    List<String> stages = new ArrayList<>(plan.open());
    stages.add(plan.closed());
    StringBuilder reachedSums = new StringBuilder();
    for (String s : stages) {
      reachedSums.append(", sum((reached & ").append(plan.bit(s)).append(") != 0)");
    }
    Map<String, Integer> reached = new HashMap<>();
    Map<String, Integer> current = new HashMap<>();
    int[] cases = {0};
    query("SELECT stage, count(*)" + reachedSums + " FROM cases", new Where().cases(q),
        " GROUP BY stage", rs -> {
          current.put(rs.getString(1), rs.getInt(2));
          cases[0] += rs.getInt(2);
          for (int i = 0; i < stages.size(); i++) {
            reached.merge(stages.get(i), rs.getInt(3 + i), Integer::sum);
          }
        });
    Map<String, BigDecimal> value = new HashMap<>();
    query("SELECT stage, contract_value, count(*) FROM cases",
        new Where().cases(q).and("contract_value IS NOT NULL"), " GROUP BY stage, contract_value",
        rs -> value.merge(rs.getString(1), kept.amountTimes("contract_value", rs.getString(2), rs.getLong(3)),
            BigDecimal::add));
    Map<String, Integer> lostFrom = new HashMap<>();
    Map<String, Map<String, Integer>> reasons = new HashMap<>();
    query("SELECT lost_from, lost_reason, count(*) FROM cases", new Where().cases(q)
        .and("stage = ?", plan.lost()), " GROUP BY lost_from, lost_reason", rs -> {
          lostFrom.merge(rs.getString(1), rs.getInt(3), Integer::sum);
          reasons.computeIfAbsent(rs.getString(1), k -> new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder())))
              .put(rs.getString(2), rs.getInt(3));
        });
    int[] imported = {0};
    query("SELECT count(*) FROM cases", new Where().covered(q, "registered_unix").and("EXISTS (SELECT 1 FROM events e"
        + " WHERE e.case_id = cases.id AND e.seq = 0 AND e.type = ?)", Event.OPENED), "", rs -> imported[0] = rs.getInt(1));
    return Reports.funnel(q, cases[0], stages, reached, current, lostFrom, value, reasons, imported[0]);
  }

  @Override
  public SlaReport sla(ReportQuery q) {
    Map<String, int[]> counts = new HashMap<>();
    // a clock with no final state runs on an open case: breached once past due, else running
    query("SELECT rule, sum(state = 'MET'), sum(state = 'MET_LATE'),"
        + " sum(coalesce(state = 'BREACHED', due_unix < " + ceil + ")),"
        + " sum(coalesce(state IN ('OPEN', 'DUE_SOON'), due_unix >= " + ceil + ")) FROM report_clocks",
        new Where().clocks(q, "started_unix"), " GROUP BY rule", rs -> counts.put(rs.getString(1),
            new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)}));
    List<SlaReport.RuleRow> rows = new ArrayList<>();
    for (String rule : plan.rules()) {
      int[] c = counts.getOrDefault(rule, new int[4]);
      int judged = c[0] + c[1] + c[2];
      int stopped = c[0] + c[1];
      rows.add(new SlaReport.RuleRow(rule, c[0], c[1], c[2], c[3], judged == 0 ? null : c[0] / (double) judged,
          toStop(q, rule, stopped, 50), toStop(q, rule, stopped, 90)));
    }
    // the years of every case of the owner, as the replay reads every clock; of the ended ones for ENDED
    return new SlaReport(q, rows, unknownYears(q.period() == ReportQuery.Period.ENDED ? new Where().cases(q) : new Where().owner(q)));
  }

  /** The nearest-rank percentile {@code p} of the time to stop of the {@code stopped} clocks of {@code rule}. */
  Duration toStop(ReportQuery q, String rule, int stopped, int p) {
    if (stopped == 0) {
      return null;
    }
    int rank = Math.max(1, (int) Math.ceil(p / 100.0 * stopped));
    Duration[] found = {null};
    query("SELECT stopped_unix - started_unix FROM report_clocks INDEXED BY report_clocks_to_stop",
        new Where().and("rule = ?", rule).and("stopped_unix IS NOT NULL").clocks(q, "started_unix"),
        " ORDER BY rule, stopped_unix - started_unix LIMIT 1 OFFSET " + (rank - 1),
        rs -> found[0] = Duration.ofSeconds(rs.getLong(1)));
    return found[0];
  }

  private SortedSet<Integer> unknownYears(Where where) {
    SortedSet<Integer> years = new TreeSet<>();
    query("SELECT DISTINCT unknown_years FROM cases", where.and("unknown_years IS NOT NULL"), "",
        rs -> years.addAll(kept.years(rs.getString(1))));
    return years;
  }

  @Override
  public AgingReport aging(ReportQuery q) {
    List<AgingReport.Bucket> buckets = Reports.agingBuckets();
    String age = "max(0, " + floor + " - coalesce(entered_unix, " + floor + "))";
    StringBuilder perBucket = new StringBuilder();
    for (AgingReport.Bucket b : buckets) {
      perBucket.append(", sum(").append(age).append(" >= ").append(b.from().toSeconds())
          .append(b.to() == null ? "" : " AND " + age + " < " + b.to().toSeconds()).append(')');
    }
    Where open = new Where();
    open.and(open.open()).cases(q);
    Map<String, List<Integer>> counts = new HashMap<>();
    query("SELECT stage" + perBucket + " FROM cases", open, " GROUP BY stage", rs -> {
      List<Integer> row = new ArrayList<>();
      for (int i = 0; i < buckets.size(); i++) {
        row.add(rs.getInt(2 + i));
      }
      counts.put(rs.getString(1), row);
    });
    List<AgingReport.StageRow> rows = new ArrayList<>();
    for (String stage : plan.open()) {
      rows.add(new AgingReport.StageRow(stage, counts.getOrDefault(stage, java.util.Collections.nCopies(buckets.size(), 0))));
    }
    List<AgingReport.CaseAge> oldest = new ArrayList<>();
    query("SELECT id, stage, entered_at, owner, company FROM cases", open,
        " ORDER BY " + age + " DESC, id LIMIT " + Reports.OLDEST, rs -> oldest.add(caseAge(rs)));
    return new AgingReport(q, buckets, rows, oldest);
  }

  /** The age of the case whose id, stage, entered_at, owner and company are columns 1 to 5. */
  AgingReport.CaseAge caseAge(ResultSet rs) throws SQLException {
    String text = rs.getString(3);
    OffsetDateTime since = text == null ? null : kept.enteredAt(rs.getString(1), text);
    Duration d = since == null ? Duration.ZERO : Duration.between(since, now);
    return new AgingReport.CaseAge(rs.getString(1), rs.getString(2), since, d.isNegative() ? Duration.ZERO : d,
        rs.getString(4), rs.getString(5));
  }

  @Override
  public OwnersReport owners(ReportQuery q) {
    Map<String, int[]> open = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    query("SELECT owner, stage, count(*) FROM cases", new Where().cases(q), " GROUP BY owner, stage",
        rs -> {
          int[] perStage = open.computeIfAbsent(rs.getString(1), k -> new int[plan.open().size()]);
          int stage = plan.open().indexOf(rs.getString(2));
          if (stage >= 0) {
            perStage[stage] += rs.getInt(3);
          }
        });
    Map<String, int[]> alerts = new HashMap<>();
    // clocks without a final state are the running ones of open cases
    query("SELECT owner, sum(due_unix < " + ceil + "), sum(due_unix >= " + ceil + " AND warn_unix <= " + floor + ")"
        + " FROM report_clocks", new Where().and("state IS NULL").clocks(q, "registered_unix"),
        " GROUP BY owner", rs -> alerts.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)}));
    Map<String, int[]> decided = new HashMap<>();
    Map<String, BigDecimal> wonValue = new HashMap<>();
    wonAndLost(q, decided, wonValue);
    List<OwnersReport.OwnerRow> rows = new ArrayList<>();
    open.forEach((owner, perStage) -> {
      int[] due = alerts.getOrDefault(owner, new int[2]);
      int[] wonLost = decided.getOrDefault(owner, new int[2]);
      rows.add(new OwnersReport.OwnerRow(owner, Arrays.stream(perStage).boxed().toList(), due[0], due[1],
          wonLost[0], wonValue.getOrDefault(owner, BigDecimal.ZERO), wonLost[1]));
    });
    Where openCases = new Where();
    return new OwnersReport(q, plan.open(), rows, unknownYears(openCases.and(openCases.open()).cases(q)));
  }

  /**
   * Per owner, the cases won and lost ({@code decided}: won, lost) and the contract value of those
   * won, as {@link #funnel} sums its values: each distinct amount times its count.
   */
  private void wonAndLost(ReportQuery q, Map<String, int[]> decided, Map<String, BigDecimal> wonValue) {
    query("SELECT owner, stage, count(*) FROM cases", new Where().cases(q)
        .and("stage IN (?, ?)", plan.closed(), plan.lost()), " GROUP BY owner, stage",
        rs -> decided.computeIfAbsent(rs.getString(1), k -> new int[2])[plan.closed().equals(rs.getString(2)) ? 0 : 1]
            += rs.getInt(3));
    query("SELECT owner, contract_value, count(*) FROM cases", new Where().cases(q)
        .and("stage = ?", plan.closed()).and("contract_value IS NOT NULL"), " GROUP BY owner, contract_value",
        rs -> wonValue.merge(rs.getString(1), kept.amountTimes("contract_value", rs.getString(2), rs.getLong(3)),
            BigDecimal::add));
  }

  @Override
  public ForecastReport forecast(ReportQuery q) {
    ForecastTally tally = new ForecastTally(plan);
    query("SELECT owner, stage, deal_value, count(*) FROM cases", new Where().cases(q).and(new Where().open()),
        " GROUP BY owner, stage, deal_value", rs -> tally.add(rs.getString(1), rs.getString(2),
            kept.dealValue(rs.getString(3)), rs.getInt(4)));
    return tally.report(q);
  }
}
