package dev.salesflow.core.model;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * How long the open cases have been in their current stage, measured at the instant the reports were
 * made for.
 *
 * @param query the period (by registration) and owner the report covers
 * @param buckets the age ranges, youngest first (under 7 days, 7 to 14, 14 to 30, 30 to 60, 60 and more);
 *     the last one is open-ended
 * @param stages one row per open stage, in process order
 * @param oldest the open cases longest in their stage, oldest first, ties by id (at most 10)
 */
public record AgingReport(ReportQuery query, List<Bucket> buckets, List<StageRow> stages, List<CaseAge> oldest) {
  /**
   * Copies the lists so the report is immutable.
   *
   * @param query the period and owner covered; not null
   * @param buckets the age ranges
   * @param stages one row per open stage
   * @param oldest the open cases longest in their stage
   */
  public AgingReport {
    Objects.requireNonNull(query, "query");
    buckets = List.copyOf(buckets);
    stages = List.copyOf(stages);
    oldest = List.copyOf(oldest);
  }

  /**
   * Ages from {@code from} (inclusive) to {@code to} (exclusive; null: no upper end).
   *
   * @param from the youngest age in the range
   * @param to the age the range ends before, or null when it has no upper end
   */
  public record Bucket(Duration from, Duration to) {
    /**
     * Checks that the range has a lower end.
     *
     * @param from the youngest age in the range; not null
     * @param to the age the range ends before, or null
     */
    public Bucket {
      Objects.requireNonNull(from, "from");
    }

    /**
     * Whether {@code age} falls in this range.
     *
     * @param age a time in a stage
     * @return true when {@code age} is at least {@code from} and below {@code to}
     */
    public boolean contains(Duration age) {
      return age.compareTo(from) >= 0 && (to == null || age.compareTo(to) < 0);
    }
  }

  /**
   * The open cases of one stage, counted per bucket.
   *
   * @param stage the stage id
   * @param perBucket how many of its cases fall in each bucket, in the order of {@link AgingReport#buckets()}
   */
  public record StageRow(String stage, List<Integer> perBucket) {
    /**
     * Copies the counts so the row is immutable.
     *
     * @param stage the stage id; not null
     * @param perBucket the count per bucket
     */
    public StageRow {
      Objects.requireNonNull(stage, "stage");
      perBucket = List.copyOf(perBucket);
    }

    /**
     * The open cases in the stage.
     *
     * @return the sum of the counts of every bucket
     */
    public int total() {
      return perBucket.stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * An open case and how long it has been in its stage.
   *
   * @param id the case id
   * @param stage its current stage id
   * @param since when it entered that stage, with the offset it was recorded with; null when unknown
   * @param age from {@code since} to the instant of the report; zero when {@code since} is unknown or later
   * @param owner the case's owner; may be null
   * @param company the customer company; may be null
   */
  public record CaseAge(String id, String stage, OffsetDateTime since, Duration age, String owner, String company) {
    /**
     * Checks that the id and age are given.
     *
     * @param id the case id; not null
     * @param stage its current stage id
     * @param since when it entered that stage, or null
     * @param age how long it has been there; not null
     * @param owner the case's owner, or null
     * @param company the customer company, or null
     */
    public CaseAge {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(age, "age");
    }
  }
}
