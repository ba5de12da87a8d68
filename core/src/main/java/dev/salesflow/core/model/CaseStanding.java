package dev.salesflow.core.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Where a case stands: its registration, current stage and when it entered it, what {@code list}
 * and {@code export} print. A store that keeps the stage gives it without reading any event.
 *
 * @param value the case; its events may be left out (empty)
 * @param stage the current stage id
 * @param since when the current stage was entered, with the offset it was recorded with; null when unknown
 */
public record CaseStanding(Case value, String stage, OffsetDateTime since) {
  /**
   * Checks that the case and stage are given.
   *
   * @param value the case; not null
   * @param stage the current stage id; not null
   * @param since when the stage was entered, or null
   */
  public CaseStanding {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(stage, "stage");
  }

  /**
   * Where a replayed case stands.
   *
   * @param view the case and its replay
   * @return its registration, stage and stage entry time
   */
  public static CaseStanding of(CaseView view) {
    return new CaseStanding(view.value(), view.stage(), view.replay().enteredAt());
  }
}
