package dev.salesflow.core.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The pipeline of the cases registered in a period: how many reached each stage, how many are in
 * it now with what contract value, how many went on to the next stage, and why cases were lost.
 *
 * @param cases the cases covered
 * @param stages one row per open stage in process order, then the closed stage
 * @param lost one row per stage left for lost and reason, most frequent first within a stage
 */
public record FunnelReport(ReportQuery query, int cases, List<StageRow> stages, List<LostRow> lost) {
  public FunnelReport {
    Objects.requireNonNull(query, "query");
    stages = List.copyOf(stages);
    lost = List.copyOf(lost);
  }

  /**
   * One stage of the funnel.
   *
   * @param reached cases that entered the stage at least once
   * @param current cases in the stage now
   * @param lostHere cases lost from this stage
   * @param value the sum of the contract values of the cases in the stage now
   * @param conversion {@code reached} of the next stage divided by this one's; null for the last
   *     stage or when none reached this one
   */
  public record StageRow(String stage, int reached, int current, int lostHere, BigDecimal value, Double conversion) {
    public StageRow {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Cases lost from {@code stage} for {@code reason} (null when the advance gave none). */
  public record LostRow(String stage, String reason, int cases) {
    public LostRow {
      Objects.requireNonNull(stage, "stage");
    }
  }

  /** The sum of the contract values of every case covered that is not lost. */
  public BigDecimal totalValue() {
    return stages.stream().map(StageRow::value).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
