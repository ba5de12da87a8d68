package dev.salesflow.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * How to check.
 *
 * @param now the instant events may not be after, and at which SLA clocks are judged
 * @param sla how late and breached clocks are reported
 * @param jobs how many files are checked at once (at least 1)
 */
public record CheckOptions(Instant now, SlaMode sla, int jobs) {
  /**
   * Checks the values.
   *
   * @param now the instant events may not be after; not null
   * @param sla how late and breached clocks are reported; not null
   * @param jobs how many files are checked at once
   * @throws IllegalArgumentException when {@code jobs} is below 1
   */
  public CheckOptions {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(sla, "sla");
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
    }
  }
}
