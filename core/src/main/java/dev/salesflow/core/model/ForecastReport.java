package dev.salesflow.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The expected value of the open deals: per open stage (and per owner) the deals, those with an
 * estimated value, the sum of those values (the pipeline) and that sum weighed by the stage's
 * probability of a win. Amounts are added as written, whatever their currency.
 *
 * @param query the period and owner the report covers
 * @param stages one row per open stage, in process order
 * @param owners one row per owner of an open deal covered, by name (deals without an owner last)
 */
public record ForecastReport(ReportQuery query, List<StageRow> stages, List<OwnerRow> owners) {
  /**
   * Copies the lists so the report is immutable.
   *
   * @param query the period and owner covered; not null
   * @param stages one row per open stage
   * @param owners one row per owner
   */
  public ForecastReport {
    Objects.requireNonNull(query, "query");
    stages = List.copyOf(stages);
    owners = List.copyOf(owners);
  }

  /**
   * One open stage.
   *
   * @param stage the stage id
   * @param open the open deals in it
   * @param valued those of them with an estimated value
   * @param pipeline the sum of their estimated values
   * @param probability the stage's percentage chance of a win, 0 to 100; null when the process gives none
   * @param expected {@code pipeline} × {@code probability} / 100; null without a probability
   */
  public record StageRow(String stage, int open, int valued, BigDecimal pipeline, BigDecimal probability,
      BigDecimal expected) {
    /**
     * Checks the counts and that the stage and pipeline are given.
     *
     * @param stage the stage id; not null
     * @param open the open deals
     * @param valued the deals with a value, 0 to {@code open}
     * @param pipeline their value; not null
     * @param probability the percentage, or null
     * @param expected the expected value, or null
     */
    public StageRow {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(pipeline, "pipeline");
      if (valued < 0 || valued > open) {
        throw new IllegalArgumentException("valued must be 0 to " + open + ", got " + valued);
      }
    }
  }

  /**
   * One owner's open deals.
   *
   * @param owner the owner's name; null for deals without one
   * @param open the owner's open deals
   * @param valued those with an estimated value
   * @param pipeline the sum of their estimated values
   * @param expected the sum of each value × its stage's probability / 100 (stages without one add nothing)
   */
  public record OwnerRow(String owner, int open, int valued, BigDecimal pipeline, BigDecimal expected) {
    /**
     * Checks the counts and that the sums are given.
     *
     * @param owner the owner, or null
     * @param open the open deals
     * @param valued the deals with a value, 0 to {@code open}
     * @param pipeline their value; not null
     * @param expected their expected value; not null
     */
    public OwnerRow {
      Objects.requireNonNull(pipeline, "pipeline");
      Objects.requireNonNull(expected, "expected");
      if (valued < 0 || valued > open) {
        throw new IllegalArgumentException("valued must be 0 to " + open + ", got " + valued);
      }
    }
  }

  /**
   * The open deals covered.
   *
   * @return the sum of the stages' {@code open}
   */
  public int open() {
    return stages.stream().mapToInt(StageRow::open).sum();
  }

  /**
   * The open deals with an estimated value.
   *
   * @return the sum of the stages' {@code valued}
   */
  public int valued() {
    return stages.stream().mapToInt(StageRow::valued).sum();
  }

  /**
   * The whole pipeline.
   *
   * @return the sum of the stages' pipeline values
   */
  public BigDecimal pipeline() {
    return stages.stream().map(StageRow::pipeline).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * The whole expected value.
   *
   * @return the sum of the stages' expected values (those without a probability add nothing)
   */
  public BigDecimal expected() {
    return stages.stream().map(StageRow::expected).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
