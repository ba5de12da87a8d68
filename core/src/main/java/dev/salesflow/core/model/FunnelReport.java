package dev.salesflow.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The pipeline of the cases registered in a period: how many reached each stage, how many are in
 * it now with what contract value, how many went on to the next stage, and why cases were lost.
 * A case's contract value is the amount of its last contract signing, in the unit the amounts are
 * written in.
 *
 * @param query the period (by registration) and owner the report covers
 * @param cases how many cases the report covers
 * @param stages one row per open stage in process order, then the closed stage
 * @param lost one row per stage left for lost and reason, most frequent first within a stage
 * @param imported how many of the cases were opened by an import (their first event is {@code
 *     opened}: they reached their first stage in another system)
 */
public record FunnelReport(ReportQuery query, int cases, List<StageRow> stages, List<LostRow> lost, int imported) {
  /**
   * Copies the lists so the report is immutable.
   *
   * @param query the period and owner covered; not null
   * @param cases how many cases are covered
   * @param stages one row per stage
   * @param lost one row per stage and lost reason
   * @param imported how many cases were opened by an import; 0 to {@code cases}
   */
  public FunnelReport {
    if (imported < 0 || imported > cases) {
      throw new IllegalArgumentException("imported must be 0 to " + cases + ", got " + imported);
    }
    Objects.requireNonNull(query, "query");
    stages = List.copyOf(stages);
    lost = List.copyOf(lost);
  }

  /**
   * A funnel without imported cases.
   *
   * @param query the period and owner covered
   * @param cases how many cases are covered
   * @param stages one row per stage
   * @param lost one row per stage and lost reason
   */
  public FunnelReport(ReportQuery query, int cases, List<StageRow> stages, List<LostRow> lost) {
    this(query, cases, stages, lost, 0);
  }

  /**
   * One stage of the funnel.
   *
   * @param stage the stage id
   * @param reached cases that entered the stage at least once
   * @param current cases in the stage now
   * @param lostHere cases lost from this stage
   * @param value the sum of the contract values of the cases in the stage now
   * @param conversion {@code reached} of the next stage divided by this one's; null for the last
   *     stage or when none reached this one
   */
  public record StageRow(String stage, int reached, int current, int lostHere, BigDecimal value, Double conversion) {
    /**
     * Checks that the stage and value are given.
     *
     * @param stage the stage id; not null
     * @param reached cases that entered the stage
     * @param current cases in the stage now
     * @param lostHere cases lost from this stage
     * @param value the contract value of the cases in the stage now; not null
     * @param conversion the share that reached the next stage, or null
     */
    public StageRow {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * Cases lost from {@code stage} for {@code reason}.
   *
   * @param stage the stage the cases were in when they were lost
   * @param reason the reason given with the move to lost; null when none was given
   * @param cases how many cases
   */
  public record LostRow(String stage, String reason, int cases) {
    /**
     * Checks that the stage is given.
     *
     * @param stage the stage id; not null
     * @param reason the reason, or null
     * @param cases how many cases
     */
    public LostRow {
      Objects.requireNonNull(stage, "stage");
    }
  }

  /**
   * The contract value of the whole funnel.
   *
   * @return the sum of the contract values of every case covered that is not lost
   */
  public BigDecimal totalValue() {
    return stages.stream().map(StageRow::value).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
