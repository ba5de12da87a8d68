package dev.salesflow.core.report;

import dev.salesflow.core.model.ForecastReport;
import dev.salesflow.core.model.ReportQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds open deals up into a {@link ForecastReport}: one deal at a time when replaying, or a count of
 * deals sharing owner, stage and value when a store aggregates the {@link CaseFacts#dealValue() kept
 * values}. Both give the same report, as the sums are exact.
 */
public final class ForecastTally {
  private final ReportPlan plan;
  private final int[] open;
  private final int[] valued;
  private final BigDecimal[] pipeline;
  private final Map<String, Owner> owners = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));

  private static final class Owner {
    int open;
    int valued;
    BigDecimal pipeline = BigDecimal.ZERO;
    BigDecimal expected = BigDecimal.ZERO;
  }

  /** An empty tally over the open stages of {@code plan}. */
  public ForecastTally(ReportPlan plan) {
    this.plan = plan;
    int n = plan.open().size();
    this.open = new int[n];
    this.valued = new int[n];
    this.pipeline = new BigDecimal[n];
    java.util.Arrays.fill(pipeline, BigDecimal.ZERO);
  }

  /**
   * Counts {@code deals} deals of {@code owner} in {@code stage}, each of estimated {@code value};
   * a stage that is not open (won, lost, unknown) is no longer in the pipeline and counts nothing.
   *
   * @param owner the owner, or null
   * @param stage the current stage
   * @param value each deal's estimated value, or null when it has none
   * @param deals how many deals
   */
  public void add(String owner, String stage, BigDecimal value, int deals) {
    int i = plan.open().indexOf(stage);
    if (i < 0) {
      return;
    }
    Owner o = owners.computeIfAbsent(owner, k -> new Owner());
    open[i] += deals;
    o.open += deals;
    if (value != null) {
      BigDecimal sum = value.multiply(BigDecimal.valueOf(deals));
      valued[i] += deals;
      o.valued += deals;
      pipeline[i] = pipeline[i].add(sum);
      o.pipeline = o.pipeline.add(sum);
      BigDecimal probability = plan.probability().get(stage);
      if (probability != null) {
        o.expected = o.expected.add(weighed(sum, probability));
      }
    }
  }

  /** The report of the deals counted, for {@code q}. */
  public ForecastReport report(ReportQuery q) {
    List<ForecastReport.StageRow> stageRows = new ArrayList<>();
    for (int i = 0; i < open.length; i++) {
      BigDecimal probability = plan.probability().get(plan.open().get(i));
      stageRows.add(new ForecastReport.StageRow(plan.open().get(i), open[i], valued[i], pipeline[i], probability,
          probability == null ? null : weighed(pipeline[i], probability)));
    }
    List<ForecastReport.OwnerRow> ownerRows = new ArrayList<>();
    owners.forEach((name, o) -> ownerRows.add(new ForecastReport.OwnerRow(name, o.open, o.valued, o.pipeline,
        plain(o.expected))));
    return new ForecastReport(q, stageRows, ownerRows);
  }

  /** {@code value} × {@code percent} / 100, exactly, without trailing zeros or an exponent. */
  static BigDecimal weighed(BigDecimal value, BigDecimal percent) {
    return plain(value.multiply(percent).movePointLeft(2));
  }

  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
