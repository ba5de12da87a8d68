package dev.salesflow.core.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * How long the open cases have been in their current stage.
 *
 * @param buckets the age ranges, youngest first; the last one is open-ended
 * @param stages one row per open stage, in process order
 * @param oldest the open cases longest in their stage, oldest first (at most {@link Reports#OLDEST})
 */
public record AgingReport(ReportQuery query, List<Bucket> buckets, List<StageRow> stages, List<CaseAge> oldest) {
  public AgingReport {
    Objects.requireNonNull(query, "query");
    buckets = List.copyOf(buckets);
    stages = List.copyOf(stages);
    oldest = List.copyOf(oldest);
  }

  /** Ages from {@code from} (inclusive) to {@code to} (exclusive; null: no upper end). */
  public record Bucket(Duration from, Duration to) {
    public Bucket {
      Objects.requireNonNull(from, "from");
    }

    public boolean contains(Duration age) {
      return age.compareTo(from) >= 0 && (to == null || age.compareTo(to) < 0);
    }
  }

  /** The open cases of one stage, counted per bucket. */
  public record StageRow(String stage, List<Integer> perBucket) {
    public StageRow {
      Objects.requireNonNull(stage, "stage");
      perBucket = List.copyOf(perBucket);
    }

    public int total() {
      return perBucket.stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** An open case and how long it has been in its stage. */
  public record CaseAge(String id, String stage, OffsetDateTime since, Duration age, String owner, String company) {
    public CaseAge {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(age, "age");
    }
  }
}
