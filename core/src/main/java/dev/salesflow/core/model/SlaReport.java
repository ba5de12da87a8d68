package dev.salesflow.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;

/**
 * How the SLA rules were kept, over the clocks started in a period.
 *
 * @param query the period (by clock start) and owner the report covers
 * @param rules one row per rule of the process, in process order
 * @param unknownYears years the deadlines needed that the calendar has no holiday schedule for
 */
public record SlaReport(ReportQuery query, List<RuleRow> rules, SortedSet<Integer> unknownYears) {
  /**
   * Copies the collections so the report is immutable.
   *
   * @param query the period and owner covered; not null
   * @param rules one row per rule
   * @param unknownYears the years the calendar does not know
   */
  public SlaReport {
    Objects.requireNonNull(query, "query");
    rules = List.copyOf(rules);
    unknownYears = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(unknownYears));
  }

  /**
   * One rule's clocks.
   *
   * @param rule the rule id
   * @param met stopped in time
   * @param metLate stopped after the deadline
   * @param breached still running past the deadline (or past it when the case was closed or lost)
   * @param running not stopped and not past the deadline
   * @param compliance {@code met} over the clocks with a verdict ({@code met + metLate + breached});
   *     null when there are none
   * @param median median time from start to stop of the stopped clocks (nearest rank); null when none stopped
   * @param p90 90th percentile of the same (nearest rank); null when none stopped
   */
  public record RuleRow(String rule, int met, int metLate, int breached, int running, Double compliance,
      Duration median, Duration p90) {
    /**
     * Checks that the rule is given.
     *
     * @param rule the rule id; not null
     * @param met clocks stopped in time
     * @param metLate clocks stopped after the deadline
     * @param breached clocks past the deadline
     * @param running clocks still running before the deadline
     * @param compliance the share met in time, or null
     * @param median the median time to stop, or null
     * @param p90 the 90th percentile time to stop, or null
     */
    public RuleRow {
      Objects.requireNonNull(rule, "rule");
    }

    /**
     * Every clock of the rule in the period.
     *
     * @return {@code met + metLate + breached + running}
     */
    public int clocks() {
      return met + metLate + breached + running;
    }
  }
}
