package dev.salesflow.core.report;

import dev.salesflow.core.model.Reporting;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A store that answers the pipeline reports from the {@link CaseFacts} it keeps (SQLite with SQL
 * aggregates), instead of every case being replayed ({@link Reports}, which a folder of case files
 * uses). The numbers are the same either way.
 */
public interface ReportSource {

  /**
   * The reports at {@code now} from what the store keeps; empty when it keeps no facts, or when a
   * case holds an instant after {@code now} (then its facts could count a clock not yet started,
   * and the cases are replayed instead).
   */
  default Optional<Reporting> reports(ReportPlan plan, OffsetDateTime now) {
    return Optional.empty();
  }
}
